import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(2) as cm:
            await asyncio.sleep(1)
            cm.reschedule(loop.time() + 3)
            log("moved to", cm.when())
            await asyncio.sleep(2)
            log("still inside, the old deadline passed")
            await asyncio.sleep(10)
    except TimeoutError:
        log("TimeoutError at", repr(loop.time()))
    return cm.expired()
