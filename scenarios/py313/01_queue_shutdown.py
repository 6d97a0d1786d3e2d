import asyncio
import re


def shown(q):
    return re.sub(r" at 0x[0-9a-f]+", "", repr(q))


async def consumer(q, name):
    while True:
        try:
            item = await q.get()
        except asyncio.QueueShutDown:
            log(name, "sees the queue shut down")
            return name
        log(name, "got", item)
        await asyncio.sleep(1)
        q.task_done()


async def main():
    # shutdown(): puts raise at once, gets drain what is left and then raise
    q = asyncio.Queue(maxsize=1)
    workers = [asyncio.create_task(consumer(q, f"w{i}")) for i in range(2)]
    for i in range(3):
        await q.put(i)
        log("put", i)
    q.shutdown()
    log("shut down:", shown(q))
    try:
        q.put_nowait(99)
    except asyncio.QueueShutDown:
        log("put_nowait raises QueueShutDown")
    try:
        await q.put(99)
    except asyncio.QueueShutDown:
        log("put raises QueueShutDown")
    await q.join()
    log("joined at", asyncio.get_running_loop().time())
    log("workers:", await asyncio.gather(*workers))
    # shutdown(immediate=True): items dropped and counted done; waiting puts and gets wake and raise
    q2 = asyncio.Queue(maxsize=1)
    q2.put_nowait("a")
    blocked_put = asyncio.create_task(q2.put("b"))
    await asyncio.sleep(0)
    log("before:", shown(q2))
    q2.shutdown(immediate=True)
    log("after:", shown(q2), "empty", q2.empty())
    try:
        await blocked_put
    except asyncio.QueueShutDown:
        log("the waiting put raises QueueShutDown")
    try:
        q2.get_nowait()
    except asyncio.QueueShutDown:
        log("get_nowait raises QueueShutDown")
    await q2.join()
    log("join returns at once")
    # a get waiting on an empty queue wakes and raises; a LifoQueue drains newest first
    q3 = asyncio.LifoQueue()
    waiting = asyncio.create_task(consumer(q3, "w3"))
    await asyncio.sleep(0)
    q3.shutdown()
    log("waiting consumer:", await waiting)
    q4 = asyncio.LifoQueue()
    for x in "xyz":
        q4.put_nowait(x)
    q4.shutdown()
    log("drained:", [q4.get_nowait() for _ in range(3)], shown(q4))
