import asyncio


async def waiter(cond, name):
    async with cond:
        try:
            await cond.wait()
        except asyncio.CancelledError:
            log(name, "cancelled; holds the lock again:", cond.locked())
            raise
        log(name, "woke")


async def main():
    cond = asyncio.Condition()
    a = asyncio.create_task(waiter(cond, "A"), name="A")
    b = asyncio.create_task(waiter(cond, "B"), name="B")
    await asyncio.sleep(0)
    a.cancel()
    async with cond:
        cond.notify(1)
        log("notify(1) skips the cancelled A")
    await asyncio.gather(a, b, return_exceptions=True)
    log("A cancelled:", a.cancelled(), "B cancelled:", b.cancelled())
    return cond.locked()
