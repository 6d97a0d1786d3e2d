import asyncio
from asyncio.subprocess import PIPE

# Writing to the child's stdin, closing it, then reading its stdout to EOF.
async def main():
    proc = await asyncio.create_subprocess_exec("cat", stdin=PIPE, stdout=PIPE)
    proc.stdin.write(b"first\n")
    await proc.stdin.drain()
    log("first line back", await proc.stdout.readline())
    proc.stdin.write(b"second\n")
    proc.stdin.close()
    await proc.stdin.wait_closed()
    log("rest", await proc.stdout.read())
    log("wait", await proc.wait())
