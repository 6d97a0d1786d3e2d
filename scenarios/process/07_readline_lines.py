import asyncio
from asyncio.subprocess import PIPE

# Reading a child's output line by line, then waiting for it.
async def main():
    proc = await asyncio.create_subprocess_exec("printf", "a\\nb\\nc\\n", stdout=PIPE)
    while True:
        line = await proc.stdout.readline()
        if not line:
            break
        log("line", line)
    log("at_eof", proc.stdout.at_eof())
    log("wait", await proc.wait())
