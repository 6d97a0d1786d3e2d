import asyncio


async def coro(sem, tag):
    await sem.acquire()
    log(tag, "round 1")
    await asyncio.sleep(1)
    sem.release()
    await sem.acquire()
    log(tag, "round 2")
    await asyncio.sleep(1)
    sem.release()


async def main():
    sem = asyncio.Semaphore(1)
    ts = [asyncio.create_task(coro(sem, n), name=n) for n in ["c1", "c2", "c3"]]
    await asyncio.gather(*ts)
    return sem.locked()
