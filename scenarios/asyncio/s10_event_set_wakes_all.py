import asyncio


async def waiter(ev, name):
    log(name, "waiting")
    r = await ev.wait()
    log(name, "woke, wait() ->", r)


async def main():
    ev = asyncio.Event()
    ts = [asyncio.create_task(waiter(ev, n), name=n) for n in ["W1", "W2", "W3"]]
    await asyncio.sleep(1)
    log("is_set() before:", ev.is_set())
    ev.set()
    log("is_set() after:", ev.is_set())
    await asyncio.gather(*ts)
    ev.set()
    log("a second set() changes nothing; is_set():", ev.is_set())
    ev.clear()
    log("after clear(), is_set():", ev.is_set())
