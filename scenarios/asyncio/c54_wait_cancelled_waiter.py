import asyncio


async def work(n):
    await asyncio.sleep(n)
    log("work", n, "done")
    return n


async def waiter(ts):
    try:
        await asyncio.wait(ts, timeout=10)
    except asyncio.CancelledError:
        log("waiter cancelled")
        raise


async def main():
    ts = [asyncio.create_task(work(n), name=f"w{n}") for n in (2, 3)]
    w = asyncio.create_task(waiter(ts), name="waiter")
    await asyncio.sleep(1)
    w.cancel()
    await asyncio.sleep(0)
    log("waiter cancelled", w.cancelled(), "tasks untouched", [t.cancelled() for t in ts])
    results = await asyncio.gather(*ts)
    log("results", results)
    return results
