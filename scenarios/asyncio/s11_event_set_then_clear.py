import asyncio


async def waiter(ev, name):
    log(name, "waiting")
    r = await ev.wait()
    log(name, "woke, wait() ->", r, "is_set() =", ev.is_set())


async def main():
    ev = asyncio.Event()
    ts = [asyncio.create_task(waiter(ev, n), name=n) for n in ["W1", "W2", "W3"]]
    await asyncio.sleep(1)
    ev.set()
    ev.clear()
    log("set() then clear(): is_set() =", ev.is_set())
    late = asyncio.create_task(waiter(ev, "late"), name="late")
    await asyncio.gather(*ts)
    log("all three woke; late done:", late.done())
    await asyncio.sleep(1)
    log("late still waiting:", not late.done())
    ev.set()
    await late
