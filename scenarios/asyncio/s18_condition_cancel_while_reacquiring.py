import asyncio


async def waiter(cond):
    async with cond:
        try:
            await cond.wait()
        except asyncio.CancelledError:
            log("W cancelled; locked() =", cond.locked())
            raise
        log("W woke normally")  # never


async def main():
    cond = asyncio.Condition()
    w = asyncio.create_task(waiter(cond), name="W")
    await asyncio.sleep(0)
    async with cond:
        cond.notify()
        await asyncio.sleep(0)
        log("W was notified and now waits for the lock; cancel ->", w.cancel())
        await asyncio.sleep(1)
        log("main releases the lock; W done:", w.done())
    try:
        await w
    except asyncio.CancelledError:
        log("W cancelled:", w.cancelled(), "locked() =", cond.locked())
