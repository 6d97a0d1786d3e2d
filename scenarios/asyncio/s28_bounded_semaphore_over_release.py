import asyncio


async def main():
    sem = asyncio.BoundedSemaphore(2)
    try:
        sem.release()
    except ValueError as e:
        log("release() at the bound:", type(e).__name__, e)
    async with sem:
        async with sem:
            log("both slots taken; locked() =", sem.locked())
        log("one released; locked() =", sem.locked())
    log("both released; locked() =", sem.locked())
    await sem.acquire()
    sem.release()
    sem.release()
    log("never here")
