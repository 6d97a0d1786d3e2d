import asyncio


async def getter(q, name):
    try:
        item = await q.get()
    except asyncio.CancelledError:
        log(name, "cancelled")
        raise
    log(name, "got", item)


async def main():
    q = asyncio.Queue()
    gs = [asyncio.create_task(getter(q, n), name=n) for n in ["G1", "G2", "G3", "G4"]]
    await asyncio.sleep(0)
    gs[0].cancel()
    q.put_nowait("a")
    log("put 'a' right after cancelling G1")
    await asyncio.sleep(0)
    gs[2].cancel()
    await asyncio.sleep(0)
    q.put_nowait("b")
    log("put 'b' after G3 was cancelled")
    await asyncio.gather(*gs, return_exceptions=True)
    log("cancelled:", [g.cancelled() for g in gs], "qsize =", q.qsize())
