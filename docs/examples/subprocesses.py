import asyncio
from asyncio.subprocess import PIPE

async def main():
    # a program's output, read with communicate()
    proc = await asyncio.create_subprocess_exec("git", "--version", stdout=PIPE)
    out, _ = await proc.communicate()
    log("git says", out.decode().split()[0], "returncode", proc.returncode)

    # a filter: input on stdin, output on stdout
    proc = await asyncio.create_subprocess_exec("sort", stdin=PIPE, stdout=PIPE)
    out, _ = await proc.communicate(b"pear\napple\nfig\n")
    log("sorted", out)

    # a shell command's exit status
    proc = await asyncio.create_subprocess_shell("exit 3")
    log("exit status", await proc.wait())

    # a program that is not there
    try:
        await asyncio.create_subprocess_exec("no-such-tool")
    except FileNotFoundError as e:
        log("FileNotFoundError:", e)
