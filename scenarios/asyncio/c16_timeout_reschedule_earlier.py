import asyncio


async def ticker():
    for i in range(3):
        log("tick", i)
        await asyncio.sleep(0)


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(10) as cm:
            await asyncio.sleep(1)
            cm.reschedule(loop.time() + 1)
            log("moved to", cm.when())
            await asyncio.sleep(5)
    except TimeoutError:
        log("first TimeoutError at", repr(loop.time()))
    try:
        async with asyncio.timeout(10) as cm:
            asyncio.create_task(ticker(), name="ticker")
            cm.reschedule(loop.time() - 5)
            log("moved into the past", cm.when())
            await asyncio.sleep(5)
    except TimeoutError:
        log("second TimeoutError at", repr(loop.time()))
    return "ok"
