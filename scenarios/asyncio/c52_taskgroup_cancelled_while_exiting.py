import asyncio


async def child(n):
    try:
        await asyncio.sleep(n)
    except asyncio.CancelledError:
        log("child", n, "cancelled")
        raise
    log("child", n, "done")


async def runner():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child(1), name="c1")
            tg.create_task(child(5), name="c5")
            log("body ends; the group waits in __aexit__")
    except asyncio.CancelledError:
        log("runner: CancelledError out of the group")
        raise


async def main():
    r = asyncio.create_task(runner(), name="runner")
    await asyncio.sleep(2)
    r.cancel()
    try:
        await r
    except asyncio.CancelledError:
        log("runner cancelled", r.cancelled())
    return "ok"
