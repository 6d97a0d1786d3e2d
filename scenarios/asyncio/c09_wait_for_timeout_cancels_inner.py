import asyncio


async def work(n):
    try:
        await asyncio.sleep(n)
    except asyncio.CancelledError:
        log("work", n, "cancelled")
        raise
    return n


async def main():
    t = asyncio.create_task(work(10), name="inner")
    try:
        await asyncio.wait_for(t, timeout=2)
    except TimeoutError:
        log("TimeoutError; inner cancelled:", t.cancelled())
    try:
        await asyncio.wait_for(work(20), timeout=1)
    except TimeoutError:
        log("coroutine timed out")
    log("main cancelling", asyncio.current_task().cancelling())
    return t.cancelled()
