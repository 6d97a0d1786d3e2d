import asyncio


async def waiter(cond, name):
    async with cond:
        await cond.wait()
        log(name, "woke")


async def main():
    lock = asyncio.Lock()
    c1 = asyncio.Condition(lock)
    c2 = asyncio.Condition(lock)
    await lock.acquire()
    log("lock held: c1.locked() =", c1.locked(), "c2.locked() =", c2.locked())
    lock.release()
    t1 = asyncio.create_task(waiter(c1, "on-c1"), name="T1")
    t2 = asyncio.create_task(waiter(c2, "on-c2"), name="T2")
    await asyncio.sleep(0)
    async with c2:
        log("inside c2: lock.locked() =", lock.locked())
        c2.notify_all()
    await asyncio.sleep(1)
    log("T1 still waits:", not t1.done(), "T2 done:", t2.done())
    async with lock:
        c1.notify()
    await t1
    return lock.locked()
