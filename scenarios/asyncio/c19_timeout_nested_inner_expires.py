import asyncio


async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(10) as outer:
        try:
            async with asyncio.timeout(1) as inner:
                await asyncio.sleep(5)
        except TimeoutError:
            log("inner TimeoutError at", repr(loop.time()))
        log("inner expired", inner.expired(), "outer expired", outer.expired())
        await asyncio.sleep(2)
        log("outer body finishes")
    log("outer expired", outer.expired(), "at", repr(loop.time()))
    return "ok"
