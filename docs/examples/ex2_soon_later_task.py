import asyncio


async def child():
    log("child")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0, log, "timer")
    loop.call_soon(log, "soon")
    asyncio.create_task(child())
    log("main")
    await asyncio.sleep(0)
    log("main again")
    await asyncio.sleep(0)
