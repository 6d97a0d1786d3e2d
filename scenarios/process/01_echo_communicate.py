import asyncio
from asyncio.subprocess import PIPE

# echo's output read with communicate(): (stdout, stderr) and the return code.
async def main():
    proc = await asyncio.create_subprocess_exec("echo", "hello", "world", stdout=PIPE)
    log("returncode before", proc.returncode)
    out, err = await proc.communicate()
    log("stdout", out)
    log("stderr", err)
    log("returncode", proc.returncode)
    return proc.returncode
