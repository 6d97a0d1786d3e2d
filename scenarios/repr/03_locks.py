import asyncio


async def wait_on(cond):
    async with cond:
        await cond.wait()


async def main():
    lock = asyncio.Lock()
    log("lock", repr(lock))
    await lock.acquire()
    log("lock", repr(lock))
    a = asyncio.create_task(lock.acquire())
    b = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    log("lock", repr(lock))
    a.cancel()
    log("lock, a waiter cancelled", repr(lock))
    await asyncio.sleep(0)
    log("lock", repr(lock))
    lock.release()
    log("lock released", repr(lock))
    await asyncio.sleep(0)
    log("lock", repr(lock), repr(b))
    event = asyncio.Event()
    log("event", repr(event))
    w = asyncio.create_task(event.wait())
    await asyncio.sleep(0)
    log("event", repr(event))
    event.set()
    log("event", repr(event))
    await asyncio.sleep(0)
    log("event", repr(event))
    cond = asyncio.Condition()
    log("condition", repr(cond))
    c1 = asyncio.create_task(wait_on(cond))
    c2 = asyncio.create_task(wait_on(cond))
    await asyncio.sleep(0)
    log("condition", repr(cond))
    async with cond:
        log("condition", repr(cond))
        cond.notify()
        log("condition", repr(cond))
    await asyncio.sleep(0)
    log("condition", repr(cond))
    await asyncio.sleep(0)
    log("condition", repr(cond))
