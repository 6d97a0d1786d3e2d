import asyncio


async def main():
    lock = asyncio.Lock()
    log("locked() at start:", lock.locked())
    r = await lock.acquire()
    log("acquire() ->", r, "locked():", lock.locked())
    lock.release()
    log("after release() locked():", lock.locked())
    async with lock:
        log("inside async with, locked():", lock.locked())
    log("after async with, locked():", lock.locked())
    return lock.locked()
