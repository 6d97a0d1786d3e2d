import asyncio


async def consumer(cond, state, name, need):
    def enough():
        log(name, "checks, count =", state["count"])
        return state["count"] if state["count"] >= need else 0

    async with cond:
        r = await cond.wait_for(enough)
        log(name, "wait_for() ->", r)


async def main():
    state = {"count": 0}
    cond = asyncio.Condition()
    a = asyncio.create_task(consumer(cond, state, "A", 2), name="A")
    b = asyncio.create_task(consumer(cond, state, "B", 3), name="B")
    await asyncio.sleep(0)
    for i in range(3):
        async with cond:
            state["count"] += 1
            log("count ->", state["count"], "notify_all()")
            cond.notify_all()
        await asyncio.sleep(1)
    async with cond:
        r = await cond.wait_for(lambda: state["count"])
        log("true at once, no wait:", r)
    await asyncio.gather(a, b)
