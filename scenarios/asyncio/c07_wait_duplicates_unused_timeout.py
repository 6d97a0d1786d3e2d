import asyncio


async def work(n):
    await asyncio.sleep(n)
    log("work", n, "done")
    return n


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(work(1), name="t")
    u = asyncio.create_task(work(2), name="u")
    done, pending = await asyncio.wait([t, t, u, t], timeout=100)
    log("done", sorted(x.get_name() for x in done), "pending", len(pending))
    log("now", repr(loop.time()))
    await asyncio.sleep(0)
    log("the 100s timer was cancelled; nothing left to wait for")
    return len(done)
