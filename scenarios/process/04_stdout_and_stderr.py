import asyncio
from asyncio.subprocess import PIPE

# A child writing to both pipes: communicate() returns each.
async def main():
    proc = await asyncio.create_subprocess_exec("sh", "-c", "echo out; echo err >&2; exit 1", stdout=PIPE, stderr=PIPE)
    out, err = await proc.communicate()
    log("stdout", out)
    log("stderr", err)
    log("returncode", proc.returncode)
