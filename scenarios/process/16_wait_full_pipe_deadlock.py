import asyncio
import sys
from asyncio.subprocess import PIPE

# The asyncio docs' warning: wait() before reading a child's large output
# deadlocks. The child blocks writing to its full stdout pipe (64 KiB), the
# stream stopped reading at twice its limit, and wait() waits for the exit.
async def main():
    code = "import sys; sys.stdout.buffer.write(b'x' * 300000)"
    proc = await asyncio.create_subprocess_exec(sys.executable, "-c", code, stdout=PIPE)
    log("waiting before reading")
    rc = await proc.wait()
    log("never here", rc)
