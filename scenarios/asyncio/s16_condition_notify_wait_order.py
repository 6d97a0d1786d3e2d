import asyncio


async def waiter(cond, name, delay):
    await asyncio.sleep(delay)
    async with cond:
        log(name, "waits")
        await cond.wait()
        log(name, "woke")


async def main():
    cond = asyncio.Condition()
    ts = [
        asyncio.create_task(waiter(cond, "first-created", 3), name="T1"),
        asyncio.create_task(waiter(cond, "second-created", 1), name="T2"),
        asyncio.create_task(waiter(cond, "third-created", 2), name="T3"),
    ]
    await asyncio.sleep(5)
    for i in range(3):
        async with cond:
            cond.notify(1)
        await asyncio.sleep(1)
    await asyncio.gather(*ts)
