import asyncio


async def waiter(sem, name):
    try:
        await sem.acquire()
    except asyncio.CancelledError:
        log(name, "cancelled in acquire(); locked() =", sem.locked())
        raise
    log(name, "acquired")
    await asyncio.sleep(1)
    sem.release()


async def main():
    sem = asyncio.Semaphore(1)
    await sem.acquire()
    b = asyncio.create_task(waiter(sem, "B"), name="B")
    c = asyncio.create_task(waiter(sem, "C"), name="C")
    await asyncio.sleep(0)
    sem.release()
    log("release() woke B; locked() =", sem.locked())
    b.cancel()
    await asyncio.sleep(0)
    log("B passed its wake-up on; locked() =", sem.locked())
    await asyncio.gather(b, c, return_exceptions=True)
    log("B cancelled:", b.cancelled(), "locked() =", sem.locked())
