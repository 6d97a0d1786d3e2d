import asyncio


async def work(x):
    await asyncio.sleep(1)
    return x


async def boom():
    raise ValueError("boom")


async def waiter(aw):
    return await aw


async def main():
    log("main", repr(asyncio.current_task()))
    t = asyncio.create_task(work(1))
    log("new", repr(t))
    await asyncio.sleep(0)
    log("sleeping", repr(t))
    t.cancel()
    t.cancel()
    log("cancelling", repr(t), t.cancelling())
    await asyncio.sleep(0)
    log("cancelled", repr(t))
    worker = asyncio.create_task(work("x"), name="worker")
    w = asyncio.create_task(waiter(worker))
    g = asyncio.create_task(waiter(asyncio.gather(work(2), work(3))))
    await asyncio.sleep(0)
    log("on a task", repr(w))
    log("on a gather", repr(g))
    await w
    log("finished", repr(worker))
    b = asyncio.create_task(boom())
    await asyncio.sleep(0)
    log("failed", repr(b))
    b.exception()
    n = asyncio.create_task(work(4))
    n.cancel()
    log("cancelled before its first step", repr(n))
    await asyncio.sleep(0)
    log("cancelled", repr(n))
