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
    log("n_waiting =", barrier.n_waiting)
    await barrier.reset()
    log("after reset(): broken =", barrier.broken, "n_waiting =", barrier.n_waiting)
    res = await asyncio.gather(*ts)
    log("results", res, "broken =", barrier.broken)
    ts = [asyncio.create_task(worker(barrier, n), name=n) for n in ["C", "D", "E"]]
    res = await asyncio.gather(*ts)
    return res
