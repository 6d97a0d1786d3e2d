import asyncio


async def worker():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log("worker swallows a cancel; cancelling", asyncio.current_task().cancelling())
    try:
        async with asyncio.timeout(1):
            await asyncio.sleep(5)
    except TimeoutError:
        log("TimeoutError anyway; cancelling", asyncio.current_task().cancelling())
    return "done"


async def main():
    t = asyncio.create_task(worker(), name="worker")
    await asyncio.sleep(1)
    t.cancel()
    r = await t
    log("worker returned", r)
    return r
