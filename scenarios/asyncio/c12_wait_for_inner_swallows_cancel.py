import asyncio


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log("stubborn swallows the cancellation")
    await asyncio.sleep(1)
    log("stubborn returns")
    return "late value"


async def main():
    t = asyncio.create_task(stubborn(), name="stubborn")
    try:
        r = await asyncio.wait_for(t, timeout=2)
        log("wait_for returned", r)
    except TimeoutError:
        log("wait_for raised TimeoutError")
    log("task cancelled?", t.cancelled(), "cancelling", asyncio.current_task().cancelling())
    try:
        r = await asyncio.wait_for(stubborn(), timeout=1)
        log("coroutine wait_for returned", r)
    except TimeoutError:
        log("coroutine wait_for raised TimeoutError")
    return r
