import asyncio


async def child():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log("child fails while being cancelled")
        raise ValueError("cleanup failed")


async def runner():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child(), name="child")
        await asyncio.sleep(10)


async def main():
    r = asyncio.create_task(runner(), name="runner")
    await asyncio.sleep(1)
    log("cancel runner ->", r.cancel())
    try:
        await r
    except asyncio.CancelledError:
        log("not printed: errors win over the cancellation")
    except ExceptionGroup as eg:
        log("runner raised", type(eg).__name__, [type(x).__name__ for x in eg.exceptions])
    log("runner cancelled", r.cancelled(), "cancelling", r.cancelling())
    return "ok"
