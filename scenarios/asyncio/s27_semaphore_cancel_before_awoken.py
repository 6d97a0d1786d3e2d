import asyncio


async def waiter(sem, name):
    try:
        await sem.acquire()
    except asyncio.CancelledError:
        log(name, "cancelled")
        raise
    log(name, "acquired")


async def main():
    sem = asyncio.Semaphore(0)
    ts = [asyncio.create_task(waiter(sem, n), name=n) for n in ["t1", "t2", "t3", "t4"]]
    await asyncio.sleep(0)
    log("locked() with four waiters:", sem.locked())
    ts[0].cancel()
    ts[1].cancel()
    sem.release()
    log("release() after two cancels; locked() =", sem.locked())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    log("done:", [t.done() for t in ts])
    ts[3].cancel()
    await asyncio.sleep(0)
    log("locked() with no waiters, value 0:", sem.locked())
    sem.release()
    log("after release():", sem.locked())
