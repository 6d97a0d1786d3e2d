import asyncio


async def work(n):
    await asyncio.sleep(n)
    log("work", n, "done")
    return n * 2


async def main():
    t = asyncio.create_task(work(1), name="inner")
    r1 = await asyncio.wait_for(t, timeout=5)
    log("task result", r1, "t done", t.done())
    r2 = await asyncio.wait_for(work(2), timeout=5)
    log("coroutine result", r2)
    r3 = await asyncio.wait_for(work(1), timeout=None)
    log("no timeout result", r3)
    await asyncio.sleep(0)
    log("the 5s timers were cancelled")
    return [r1, r2, r3]
