import asyncio


async def worker(sem, name):
    log(name, "wants a slot")
    async with sem:
        log(name, "working")
        await asyncio.sleep(1)
    log(name, "done")


async def main():
    sem = asyncio.Semaphore(2)
    names = ["A", "B", "C", "D", "E"]
    ts = [asyncio.create_task(worker(sem, n), name=n) for n in names]
    await asyncio.sleep(0.5)
    log("locked() with two busy:", sem.locked())
    await asyncio.gather(*ts)
    log("locked() at the end:", sem.locked())
