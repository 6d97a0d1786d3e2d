import asyncio

# A shell command's exit status is the return code of wait().
async def main():
    proc = await asyncio.create_subprocess_shell("exit 3")
    rc = await proc.wait()
    log("wait returned", rc)
    log("returncode", proc.returncode)
    log("wait again", await proc.wait())
    return rc
