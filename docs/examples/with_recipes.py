import asyncio


async def party(barrier, name):
    async with barrier as index:
        log(name, "passed the barrier with index", index)


async def main():
    lock = asyncio.Lock()
    async with lock:
        log("Lock: locked() =", lock.locked())

    sem = asyncio.Semaphore(1)
    async with sem:
        log("Semaphore: locked() =", sem.locked())

    cond = asyncio.Condition()
    async with cond:
        cond.notify_all()
        log("Condition: locked() =", cond.locked())

    async with asyncio.timeout(5) as cm:
        await asyncio.sleep(1)
        log("timeout: when() =", repr(cm.when()), "expired() =", cm.expired())

    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(asyncio.sleep(1, "slept"))
    log("TaskGroup: child result =", t.result())

    barrier = asyncio.Barrier(2)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(party(barrier, "P"), name="P")
        tg.create_task(party(barrier, "Q"), name="Q")
    log("Barrier: n_waiting =", barrier.n_waiting)
