import asyncio


async def waiter(lock, name):
    try:
        await lock.acquire()
    except asyncio.CancelledError:
        log(name, "cancelled in acquire(); locked() =", lock.locked())
        raise
    log(name, "got the lock")
    await asyncio.sleep(1)
    lock.release()
    log(name, "released")


async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    b = asyncio.create_task(waiter(lock, "B"), name="B")
    c = asyncio.create_task(waiter(lock, "C"), name="C")
    await asyncio.sleep(0)
    lock.release()
    log("released; locked() =", lock.locked())
    log("cancel B ->", b.cancel())
    await asyncio.sleep(0)
    log("after one step: locked() =", lock.locked())
    await asyncio.sleep(0)
    log("after two steps: locked() =", lock.locked())
    await asyncio.gather(b, c, return_exceptions=True)
    log("B cancelled:", b.cancelled(), "C done:", c.done())
