import asyncio


async def waiter(cond, name):
    async with cond:
        try:
            await cond.wait()
        except asyncio.CancelledError:
            log(name, "cancelled after notify; locked() =", cond.locked())
            raise
        log(name, "woke")


async def main():
    cond = asyncio.Condition()
    a = asyncio.create_task(waiter(cond, "A"), name="A")
    b = asyncio.create_task(waiter(cond, "B"), name="B")
    await asyncio.sleep(0)
    async with cond:
        cond.notify(1)
    log("notified A; cancel A ->", a.cancel())
    await asyncio.sleep(1)
    log("in 3.12 the notification is lost: B done =", b.done())
    async with cond:
        cond.notify(1)
    await asyncio.gather(a, b, return_exceptions=True)
    log("A cancelled:", a.cancelled(), "B cancelled:", b.cancelled())
