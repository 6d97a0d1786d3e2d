import asyncio
from asyncio.subprocess import PIPE

# cat echoes what communicate() feeds its stdin.
async def main():
    proc = await asyncio.create_subprocess_exec("cat", stdin=PIPE, stdout=PIPE)
    out, err = await proc.communicate(b"one\ntwo\n")
    log("stdout", out)
    log("stderr", err)
    log("returncode", proc.returncode)
