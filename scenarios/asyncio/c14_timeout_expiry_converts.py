import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(2) as cm:
            log("when", cm.when())
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                log("body sees CancelledError; expired", cm.expired())
                raise
            log("not printed")
    except asyncio.CancelledError:
        log("not printed either")
    except TimeoutError:
        log("TimeoutError at", repr(loop.time()), "expired", cm.expired())
    log("cancelling", asyncio.current_task().cancelling())
    await asyncio.sleep(1)
    return "survived"
