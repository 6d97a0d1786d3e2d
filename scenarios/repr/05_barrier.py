import asyncio


async def main():
    barrier = asyncio.Barrier(3)
    log("new", repr(barrier))
    a = asyncio.create_task(barrier.wait())
    b = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)
    log("two waiting", repr(barrier))
    c = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)
    log("third arrived", repr(barrier))
    for _ in range(3):
        await asyncio.sleep(0)
        log("passing", repr(barrier))
    d = asyncio.create_task(barrier.wait())
    e = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)
    log("two waiting", repr(barrier))
    await barrier.reset()
    log("reset", repr(barrier))
    await asyncio.gather(d, e, return_exceptions=True)
    log("after reset", repr(barrier))
    await barrier.abort()
    log("aborted", repr(barrier))
