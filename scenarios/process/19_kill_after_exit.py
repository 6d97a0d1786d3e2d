import asyncio

# kill() a child that has exited but whose exit the loop has not handled yet:
# nothing happens (wait() gives its own status); once wait() returned, ProcessLookupError.
async def main():
    proc = await asyncio.create_subprocess_shell("exit 5")
    log("returncode", proc.returncode)
    proc.kill()
    log("wait", await proc.wait())
    try:
        proc.kill()
    except ProcessLookupError as e:
        log("kill again: ProcessLookupError", repr(e))
