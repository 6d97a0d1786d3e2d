import asyncio
import sys
from asyncio.subprocess import PIPE

# wait() before reading works while the output fits in the stream's buffer:
# 131072 bytes is twice the limit, where the stream would stop reading (131073 deadlocks).
async def main():
    code = "import sys; sys.stdout.buffer.write(b'x' * 131072)"
    proc = await asyncio.create_subprocess_exec(sys.executable, "-c", code, stdout=PIPE)
    rc = await proc.wait()
    log("wait", rc)
    data = await proc.stdout.read()
    log("read", len(data))
