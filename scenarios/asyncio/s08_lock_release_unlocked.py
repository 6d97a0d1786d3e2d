import asyncio


async def main():
    lock = asyncio.Lock()
    try:
        lock.release()
    except RuntimeError as e:
        log("release() on a fresh lock:", type(e).__name__, e)
    async with lock:
        pass
    try:
        lock.release()
    except RuntimeError as e:
        log("release() after async with:", type(e).__name__, e)
    await lock.acquire()
    lock.release()
    lock.release()
    log("never reached")
