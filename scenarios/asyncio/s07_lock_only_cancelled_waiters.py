import asyncio


async def waiter(lock):
    try:
        await lock.acquire()
    except asyncio.CancelledError:
        log("waiter cancelled; locked() =", lock.locked())
        raise
    log("waiter got the lock")  # never


async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    w = asyncio.create_task(waiter(lock), name="W")
    await asyncio.sleep(0)
    w.cancel()
    lock.release()
    log("released with only a cancelled waiter queued")
    await lock.acquire()
    log("main re-acquired at once; locked() =", lock.locked())
    await asyncio.sleep(0)
    log("W cancelled:", w.cancelled(), "locked() =", lock.locked())
    lock.release()
    return lock.locked()
