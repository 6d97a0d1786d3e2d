import asyncio


def now():
    return repr(asyncio.get_running_loop().time())


async def value(n):
    log("value", n)
    return n


async def boom(n):
    log("boom", n)
    raise ValueError("boom %d" % n)


async def locker(lock, n):
    log("locker", n, "acquires")
    async with lock:
        log("locker", n, "holds")
        await asyncio.sleep(0.5)
    log("locker", n, "released at", now())


async def getter(q, n):
    log("getter", n, "waits")
    v = await q.get()
    log("getter", n, "got", v, "at", now())


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    log("wait_for(coro, 0) ->", await asyncio.wait_for(value(1), 0))
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0)
    except TimeoutError:
        log("wait_for(sleep, 0) timed out at", now())
    log("gather(return_exceptions) ->", await asyncio.gather(value(2), boom(3), return_exceptions=True))
    try:
        await asyncio.gather(value(4), boom(5))
    except ValueError as e:
        log("gather raised", e, "at", now())
    lock = asyncio.Lock()
    t1 = asyncio.create_task(locker(lock, 1))
    t2 = asyncio.create_task(locker(lock, 2))
    log("lock locked:", lock.locked())
    q = asyncio.Queue()
    g = asyncio.create_task(getter(q, 1))
    q.put_nowait("x")
    log("put x; getter done", g.done())
    await asyncio.gather(t1, t2, g)
    async with asyncio.timeout(1):
        t = asyncio.create_task(value(6))
        log("in timeout, t done", t.done())
    log("end at", now())
