import asyncio


async def work(n, fail):
    await asyncio.sleep(n)
    if fail:
        log("work", n, "fails")
        raise ValueError(f"bad {n}")
    log("work", n, "done")
    return n


async def main():
    ts = [
        asyncio.create_task(work(1, False), name="ok1"),
        asyncio.create_task(work(2, True), name="bad2"),
        asyncio.create_task(work(3, False), name="ok3"),
    ]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    log("done", sorted(t.get_name() for t in done))
    log("pending", sorted(t.get_name() for t in pending))
    log("bad2 exception", type(ts[1].exception()).__name__, str(ts[1].exception()))
    log("ok3 done?", ts[2].done())
    return await ts[2]
