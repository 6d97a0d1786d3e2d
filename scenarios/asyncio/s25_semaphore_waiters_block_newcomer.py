import asyncio


async def c1(sem):
    await sem.acquire()
    log("c1 acquired")


async def c2(sem):
    await sem.acquire()
    log("c2 acquired")
    sem.release()
    log("c2 released; locked() =", sem.locked())
    await sem.acquire()
    log("c2 acquired again")


async def c3(sem):
    await sem.acquire()
    log("c3 acquired")


async def main():
    sem = asyncio.Semaphore(1)
    ts = [asyncio.create_task(c(sem), name=c.__name__) for c in [c1, c2, c3]]
    await asyncio.sleep(0)
    sem.release()
    sem.release()
    log("two releases; locked() =", sem.locked())
    await asyncio.gather(*ts)
    log("locked() =", sem.locked())
