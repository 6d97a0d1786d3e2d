import asyncio


async def waiter(cond, name):
    async with cond:
        await cond.wait()
        log(name, "woke, holds the lock")
        await asyncio.sleep(1)
        log(name, "leaves")


async def main():
    cond = asyncio.Condition()
    ts = [asyncio.create_task(waiter(cond, n), name=n) for n in ["A", "B", "C", "D", "E"]]
    await asyncio.sleep(0)
    async with cond:
        cond.notify(2)
        log("notify(2)")
    await asyncio.sleep(5)
    async with cond:
        cond.notify_all()
        log("notify_all(), still holding the lock")
        await asyncio.sleep(1)
        log("notifier releases")
    await asyncio.gather(*ts)
