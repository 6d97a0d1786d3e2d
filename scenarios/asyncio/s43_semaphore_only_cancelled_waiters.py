import asyncio


async def waiter(sem):
    try:
        await sem.acquire()
    except asyncio.CancelledError:
        log("waiter cancelled; locked() =", sem.locked())
        raise


async def main():
    sem = asyncio.Semaphore(0)
    w = asyncio.create_task(waiter(sem), name="W")
    await asyncio.sleep(0)
    log("locked() with a waiter, value 0:", sem.locked())
    w.cancel()
    sem.release()
    log("release() with only a cancelled waiter: locked() =", sem.locked())
    await sem.acquire()
    log("main acquired without waiting; locked() =", sem.locked())
    await asyncio.sleep(0)
    log("W cancelled:", w.cancelled(), "locked() =", sem.locked())
    sem.release()
    return sem.locked()
