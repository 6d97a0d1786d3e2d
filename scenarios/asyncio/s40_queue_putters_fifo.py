import asyncio


async def putter(q, item):
    try:
        await q.put(item)
    except asyncio.CancelledError:
        log("putter of", item, "cancelled")
        raise
    log("put", item, "done")


async def main():
    q = asyncio.Queue(1)
    q.put_nowait("first")
    ps = [asyncio.create_task(putter(q, n), name="P-" + n) for n in ["a", "b", "c", "d"]]
    await asyncio.sleep(0)
    ps[1].cancel()
    await asyncio.sleep(0)
    got = []
    for _ in range(4):
        got.append(await q.get())
        log("got", got[-1], "full =", q.full())
        await asyncio.sleep(0)
    await asyncio.gather(*ps, return_exceptions=True)
    return got
