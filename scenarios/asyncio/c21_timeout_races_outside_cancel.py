import asyncio


async def guarded():
    try:
        async with asyncio.timeout(1):
            await asyncio.sleep(5)
    except TimeoutError:
        log("TimeoutError")  # not printed
    except asyncio.CancelledError:
        log("CancelledError; cancelling", asyncio.current_task().cancelling())
        raise


async def main():
    t = asyncio.create_task(guarded(), name="guarded")
    await asyncio.sleep(1)
    log("timeout already fired; cancel ->", t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        log("task cancelled", t.cancelled())
    return "ok"
