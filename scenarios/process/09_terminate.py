import asyncio
from asyncio.subprocess import PIPE

# terminate() sends SIGTERM: returncode -15; send_signal after exit raises ProcessLookupError.
async def main():
    proc = await asyncio.create_subprocess_exec("cat", stdin=PIPE)
    proc.terminate()
    log("wait", await proc.wait())
    try:
        proc.send_signal(15)
    except ProcessLookupError as e:
        log("send_signal again: ProcessLookupError", repr(e))
    try:
        proc.terminate()
    except ProcessLookupError as e:
        log("terminate again: ProcessLookupError", repr(e))
