import asyncio
from asyncio.subprocess import PIPE

# wait() before reading a small output is fine: the pipe holds it.
async def main():
    proc = await asyncio.create_subprocess_exec("echo", "small", stdout=PIPE)
    log("wait", await proc.wait())
    log("read", await proc.stdout.read())
