import asyncio
from asyncio.subprocess import PIPE, STDOUT

# stderr=STDOUT merges the child's stderr into its stdout pipe.
async def main():
    proc = await asyncio.create_subprocess_exec("sh", "-c", "echo out; echo err >&2", stdout=PIPE, stderr=STDOUT)
    log("stderr stream", proc.stderr)
    out, err = await proc.communicate()
    log("stdout", out)
    log("stderr", err)
    log("returncode", proc.returncode)
