import asyncio


async def putter(q, item):
    try:
        await q.put(item)
    except asyncio.CancelledError:
        log("putter of", item, "cancelled after being woken; full =", q.full())
        raise
    log("put", item, "done")


async def main():
    q = asyncio.Queue(1)
    q.put_nowait("first")
    p1 = asyncio.create_task(putter(q, "a"), name="P1")
    p2 = asyncio.create_task(putter(q, "b"), name="P2")
    await asyncio.sleep(0)
    log("got", q.get_nowait(), "which woke P1; cancel P1 ->", p1.cancel())
    await asyncio.sleep(0)
    log("P1 passed the free slot on; qsize =", q.qsize())
    await asyncio.sleep(0)
    log("qsize =", q.qsize(), "item:", q.get_nowait())
    await asyncio.gather(p1, p2, return_exceptions=True)
    log("P1 cancelled:", p1.cancelled(), "P2 cancelled:", p2.cancelled())
