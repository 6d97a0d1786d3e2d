import asyncio


async def child(n):
    try:
        await asyncio.sleep(n)
    except asyncio.CancelledError:
        log("child", n, "cancelled")
        raise


async def runner():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child(10), name="c10")
            await asyncio.sleep(10)
    except asyncio.CancelledError:
        log("runner: CancelledError out of the group")
        raise


async def main():
    r = asyncio.create_task(runner(), name="runner")
    await asyncio.sleep(1)
    log("cancel runner ->", r.cancel())
    try:
        await r
    except asyncio.CancelledError:
        log("runner cancelled", r.cancelled())
    return "ok"
