import asyncio


async def waiter(cond, name):
    async with cond:
        log(name, "waiting")
        r = await cond.wait()
        log(name, "woke, wait() ->", r, "locked() =", cond.locked())


async def main():
    cond = asyncio.Condition()
    ts = [asyncio.create_task(waiter(cond, n), name=n) for n in ["A", "B", "C"]]
    await asyncio.sleep(0)
    log("locked() while all wait:", cond.locked())
    for i in range(3):
        async with cond:
            log("notify()", i)
            cond.notify()
        await asyncio.sleep(0)
    async with cond:
        cond.notify()
        log("notify() with nobody waiting is a no-op")
    await asyncio.gather(*ts)
