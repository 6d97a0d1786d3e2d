import asyncio


async def producer(q):
    for i in range(5):
        log("put", i, "qsize =", q.qsize(), "full =", q.full())
        await q.put(i)
        log("put", i, "done")


async def consumer(q):
    got = []
    for _ in range(5):
        await asyncio.sleep(1)
        item = await q.get()
        log("got", item, "qsize =", q.qsize())
        got.append(item)
    return got


async def main():
    q = asyncio.Queue(2)
    log("maxsize =", q.maxsize, "empty =", q.empty(), "full =", q.full())
    p = asyncio.create_task(producer(q), name="producer")
    c = asyncio.create_task(consumer(q), name="consumer")
    await p
    log("producer finished; qsize =", q.qsize())
    got = await c
    log("empty =", q.empty())
    return got
