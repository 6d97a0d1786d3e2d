import asyncio

def now():
    return repr(asyncio.get_running_loop().time())

async def quick(n):
    log("quick", n, "runs in", asyncio.current_task().get_name())
    return n * 10

async def sleeper(n, d):
    log("sleeper", n, "starts in", asyncio.current_task().get_name())
    await asyncio.sleep(d)
    log("sleeper", n, "woke at", now())
    return n

async def yielder(n):
    log("yielder", n, "first")
    await asyncio.sleep(0)
    log("yielder", n, "second")
    return n

async def failing():
    log("failing runs")
    raise ValueError("eager boom")

async def main():
    loop = asyncio.get_running_loop()
    log("factory before:", loop.get_task_factory())
    loop.set_task_factory(asyncio.eager_task_factory)
    log("factory set:", loop.get_task_factory() is asyncio.eager_task_factory)
    t = asyncio.create_task(quick(1), name="q1")
    log("after create: done", t.done(), "result", t.result(), "name", t.get_name())
    s = asyncio.create_task(sleeper(2, 1))
    log("after create sleeper: done", s.done(), s.get_name())
    y = asyncio.create_task(yielder(3))
    log("after create yielder")
    f = asyncio.create_task(failing())
    log("failing done", f.done(), type(f.exception()).__name__)
    log("all tasks:", sorted(x.get_name() for x in asyncio.all_tasks()))
    log("current:", asyncio.current_task().get_name())
    await asyncio.sleep(0)
    log("main after sleep(0)")
    r = await asyncio.gather(quick(4), sleeper(5, 0.5), yielder(6))
    log("gather ->", r, "at", now())
    log("await s ->", await s, "at", now())
    loop.set_task_factory(None)
    u = asyncio.create_task(quick(7))
    log("lazy: done", u.done())
    await u
    log("end")
