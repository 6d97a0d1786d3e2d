import asyncio


async def worker():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log("worker ignores the cancellation")
    await asyncio.sleep(1)
    log("worker returns 42")
    return 42


async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(1)
    log("cancel() ->", t.cancel())
    value = await t
    log("got", value, "cancelled() ->", t.cancelled())
    return value
