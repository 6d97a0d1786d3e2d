import asyncio


async def greedy(lock):
    for i in range(3):
        await lock.acquire()
        log("greedy has the lock, round", i)
        await asyncio.sleep(1)
        lock.release()
        log("greedy released, locked() =", lock.locked())


async def polite(lock, name):
    log(name, "waits")
    await lock.acquire()
    log(name, "has the lock")
    await asyncio.sleep(1)
    lock.release()


async def main():
    lock = asyncio.Lock()
    g = asyncio.create_task(greedy(lock), name="greedy")
    await asyncio.sleep(0)
    p1 = asyncio.create_task(polite(lock, "P1"), name="P1")
    p2 = asyncio.create_task(polite(lock, "P2"), name="P2")
    await asyncio.gather(g, p1, p2)
