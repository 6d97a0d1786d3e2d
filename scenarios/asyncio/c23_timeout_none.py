import asyncio


async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(None) as cm:
        log("when", cm.when())
        await asyncio.sleep(1000)
    log("no deadline, slept to", repr(loop.time()), "expired", cm.expired())
    try:
        async with asyncio.timeout_at(None) as cm:
            await asyncio.sleep(1)
            cm.reschedule(loop.time() + 2)
            await asyncio.sleep(5)
    except TimeoutError:
        log("TimeoutError at", repr(loop.time()))
    return "ok"
