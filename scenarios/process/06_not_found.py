import asyncio

# An unknown program: FileNotFoundError, errno 2, with the program's name.
async def main():
    try:
        await asyncio.create_subprocess_exec("no-such-program-vloop", "arg")
    except FileNotFoundError as e:
        log("FileNotFoundError", e.errno, e)
        log("is OSError", isinstance(e, OSError))
