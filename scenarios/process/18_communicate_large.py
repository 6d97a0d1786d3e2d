import asyncio
import sys
from asyncio.subprocess import PIPE

# communicate() reads while waiting, so a large output is no problem.
async def main():
    code = "import sys; sys.stdout.buffer.write(b'x' * 300000)"
    proc = await asyncio.create_subprocess_exec(sys.executable, "-c", code, stdout=PIPE)
    out, _ = await proc.communicate()
    log("communicate read", len(out), "returncode", proc.returncode)
