import asyncio
from asyncio.subprocess import DEVNULL

# DEVNULL: no streams at all; communicate() returns (None, None).
async def main():
    proc = await asyncio.create_subprocess_exec("echo", "gone", stdin=DEVNULL, stdout=DEVNULL, stderr=DEVNULL)
    log("streams", proc.stdin, proc.stdout, proc.stderr)
    log("communicate", await proc.communicate())
    log("returncode", proc.returncode)
