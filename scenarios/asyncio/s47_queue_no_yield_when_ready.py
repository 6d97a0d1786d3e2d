import asyncio


async def ticker():
    for i in range(3):
        log("tick", i)
        await asyncio.sleep(0)


async def main():
    q = asyncio.Queue(3)
    t = asyncio.create_task(ticker(), name="ticker")
    await asyncio.sleep(0)
    for i in range(3):
        await q.put(i)
    log("three puts into a queue with room, no tick in between")
    got = []
    for _ in range(3):
        got.append(await q.get())
    log("three gets from a non-empty queue, no tick either:", got)
    for _ in range(3):
        q.task_done()
    await q.join()
    log("join() with every item done returns at once too")
    await asyncio.sleep(0)
    log("after sleep(0)")
    await t
