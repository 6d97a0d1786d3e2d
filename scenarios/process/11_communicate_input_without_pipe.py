import asyncio
from asyncio.subprocess import PIPE

# communicate(input) when stdin is not a pipe: the input is silently dropped.
async def main():
    proc = await asyncio.create_subprocess_exec("echo", "x", stdout=PIPE)
    log("stdin", proc.stdin)
    out, err = await proc.communicate(b"ignored")
    log("stdout", out, "stderr", err)
