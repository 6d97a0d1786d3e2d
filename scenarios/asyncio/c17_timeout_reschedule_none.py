import asyncio


async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(1) as cm:
        cm.reschedule(None)
        log("when", cm.when())
        await asyncio.sleep(3)
        log("slept past the old deadline")
    log("expired", cm.expired())
    async with asyncio.timeout(None) as cm2:
        cm2.reschedule(loop.time() + 50)
        log("when", cm2.when())
        cm2.reschedule(None)
        await asyncio.sleep(100)
    log("done at", repr(loop.time()), "expired", cm2.expired())
    return "ok"
