import asyncio


async def crasher():
    await asyncio.sleep(1)
    log("crasher raises")
    raise RuntimeError("crash")


async def main():
    t = asyncio.create_task(crasher())
    log("awaiting crasher")
    await t
    log("never reached")
