import asyncio


async def waiter(lock, name):
    try:
        await lock.acquire()
    except asyncio.CancelledError:
        log(name, "cancelled; locked() =", lock.locked())
        raise
    log(name, "got the lock")
    lock.release()


async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    b = asyncio.create_task(waiter(lock, "B"), name="B")
    c = asyncio.create_task(waiter(lock, "C"), name="C")
    d = asyncio.create_task(waiter(lock, "D"), name="D")
    await asyncio.sleep(0)
    log("cancel B ->", b.cancel())
    lock.release()
    log("released; locked() =", lock.locked())
    await asyncio.sleep(0)
    log("one step later: locked() =", lock.locked())
    await asyncio.gather(b, c, d, return_exceptions=True)
    log("B cancelled:", b.cancelled(), "locked() =", lock.locked())
