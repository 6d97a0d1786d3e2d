import asyncio


async def other():
    for i in range(3):
        log("other step", i)
        await asyncio.sleep(0)


async def main():
    lock = asyncio.Lock()
    t = asyncio.create_task(other(), name="other")
    await asyncio.sleep(0)
    for i in range(3):
        await lock.acquire()
        log("acquired", i)
        lock.release()
    async with lock:
        log("async with entered")
    log("four uncontended acquisitions, other did not run")
    await asyncio.sleep(0)
    log("after sleep(0)")
    await t
