import asyncio


async def consumer(q):
    got = []
    for _ in range(4):
        got.append(await q.get())
        log("got", got[-1])
    return got


async def main():
    q = asyncio.LifoQueue(3)
    for x in ["a", "b", "c"]:
        q.put_nowait(x)
    log("full =", q.full())
    c = asyncio.create_task(consumer(q), name="consumer")
    await q.put("d")
    log("put d done; qsize =", q.qsize())
    return await c
