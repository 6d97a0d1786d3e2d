import asyncio


async def main():
    sem = asyncio.Semaphore(2)
    log("Semaphore(2): locked() =", sem.locked())
    for i in range(2):
        r = await sem.acquire()
        log("acquire()", i, "->", r, "locked() =", sem.locked())
    sem.release()
    log("one release(): locked() =", sem.locked())
    sem.release()
    sem.release()
    log("released past the initial value, no error")
    n = 0
    while not sem.locked():
        await sem.acquire()
        n += 1
    log("acquired", n, "more without waiting; locked() =", sem.locked())
    async with sem:
        log("never here")
