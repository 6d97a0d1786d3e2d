import asyncio
from asyncio.subprocess import PIPE

# kill() a child that waits for input: returncode -9; after it is reaped, ProcessLookupError.
async def main():
    proc = await asyncio.create_subprocess_exec("cat", stdin=PIPE, stdout=PIPE)
    log("returncode", proc.returncode)
    proc.kill()
    log("wait", await proc.wait())
    log("returncode", proc.returncode)
    try:
        proc.kill()
    except ProcessLookupError as e:
        log("kill again: ProcessLookupError", repr(e))
