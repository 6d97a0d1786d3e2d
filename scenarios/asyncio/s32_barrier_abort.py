import asyncio


async def worker(barrier, name):
    try:
        i = await barrier.wait()
    except asyncio.BrokenBarrierError as e:
        log(name, "got", type(e).__name__, e)
        return "broken"
    log(name, "passed with index", i)
    return i


async def main():
    barrier = asyncio.Barrier(3)
    ts = [asyncio.create_task(worker(barrier, n), name=n) for n in ["A", "B"]]
    await asyncio.sleep(1)
    await barrier.abort()
    log("after abort(): broken =", barrier.broken, "n_waiting =", barrier.n_waiting)
    await asyncio.gather(*ts)
    late = await worker(barrier, "late")
    log("a wait() after abort() ->", late)
    await barrier.reset()
    log("after reset(): broken =", barrier.broken)
    ts = [asyncio.create_task(worker(barrier, n), name=n) for n in ["C", "D", "E"]]
    return await asyncio.gather(*ts)
