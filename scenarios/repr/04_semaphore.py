import asyncio


async def main():
    sem = asyncio.Semaphore(2)
    log("semaphore", repr(sem))
    await sem.acquire()
    log("semaphore", repr(sem))
    await sem.acquire()
    log("semaphore", repr(sem))
    a = asyncio.create_task(sem.acquire())
    b = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)
    log("semaphore", repr(sem))
    sem.release()
    log("semaphore released", repr(sem))
    await asyncio.sleep(0)
    log("semaphore", repr(sem))
    bounded = asyncio.BoundedSemaphore(1)
    log("bounded", repr(bounded))
    async with bounded:
        log("bounded", repr(bounded))
    zero = asyncio.Semaphore(0)
    log("zero", repr(zero))
    c = asyncio.create_task(zero.acquire())
    await asyncio.sleep(0)
    c.cancel()
    await asyncio.sleep(0)
    log("zero, waiter cancelled", repr(zero))
