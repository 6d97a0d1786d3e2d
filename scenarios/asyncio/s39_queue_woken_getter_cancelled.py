import asyncio


async def getter(q, name):
    try:
        item = await q.get()
    except asyncio.CancelledError:
        log(name, "cancelled after being woken; qsize =", q.qsize())
        raise
    log(name, "got", item)
    return item


async def main():
    q = asyncio.Queue()
    g1 = asyncio.create_task(getter(q, "G1"), name="G1")
    g2 = asyncio.create_task(getter(q, "G2"), name="G2")
    await asyncio.sleep(0)
    q.put_nowait("item")
    log("put woke G1; cancel G1 ->", g1.cancel())
    await asyncio.sleep(0)
    log("G1 passed the wake-up to G2; qsize =", q.qsize())
    res = await asyncio.gather(g1, g2, return_exceptions=True)
    log("G1 cancelled:", g1.cancelled(), "G2 got:", res[1])
