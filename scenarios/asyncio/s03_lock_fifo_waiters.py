import asyncio


async def worker(lock, name):
    log(name, "wants the lock")
    async with lock:
        log(name, "has the lock")
        await asyncio.sleep(1)
    log(name, "released it")


async def main():
    lock = asyncio.Lock()
    tasks = [asyncio.create_task(worker(lock, n), name=n) for n in ["A", "B", "C", "D"]]
    await asyncio.gather(*tasks)
    return lock.locked()
