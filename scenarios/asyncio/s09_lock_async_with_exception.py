import asyncio


async def failing(lock):
    async with lock:
        log("failing holds the lock")
        await asyncio.sleep(1)
        raise ValueError("boom")


async def patient(lock):
    log("patient waits")
    async with lock:
        log("patient got the lock")
    return "ok"


async def main():
    lock = asyncio.Lock()
    f = asyncio.create_task(failing(lock), name="failing")
    p = asyncio.create_task(patient(lock), name="patient")
    try:
        await f
    except ValueError as e:
        log("failing raised", e, "locked() =", lock.locked())
    r = await p
    log("patient returned", r, "locked() =", lock.locked())
    return r
