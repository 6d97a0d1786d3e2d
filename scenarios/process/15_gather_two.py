import asyncio
from asyncio.subprocess import PIPE

# Two children at once: gathered communicate() calls.
async def main():
    async def one(word):
        proc = await asyncio.create_subprocess_exec("echo", word, stdout=PIPE)
        out, _ = await proc.communicate()
        log("got", out)
        return out
    log("results", await asyncio.gather(one("a"), one("b")))
