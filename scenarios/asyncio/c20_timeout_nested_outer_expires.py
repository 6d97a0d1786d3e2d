import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(1) as outer:
            try:
                async with asyncio.timeout(10) as inner:
                    await asyncio.sleep(5)
            except asyncio.CancelledError:
                log("inner block let CancelledError through")
                raise
            except TimeoutError:
                log("not printed")
    except TimeoutError:
        log("outer TimeoutError at", repr(loop.time()))
    log("inner expired", inner.expired(), "outer expired", outer.expired())
    await asyncio.sleep(20)
    log("inner's timer was cancelled")
    return "ok"
