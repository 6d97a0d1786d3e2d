import asyncio


async def worker(barrier, name, delays):
    got = []
    for d in delays:
        await asyncio.sleep(d)
        i = await barrier.wait()
        log(name, "round done, index", i)
        got.append(i)
    return got


async def main():
    barrier = asyncio.Barrier(3)
    ts = [
        asyncio.create_task(worker(barrier, "A", [1, 3]), name="A"),
        asyncio.create_task(worker(barrier, "B", [2, 1]), name="B"),
        asyncio.create_task(worker(barrier, "C", [0, 2]), name="C"),
    ]
    await asyncio.sleep(2)
    log("at t=2: n_waiting =", barrier.n_waiting)
    await asyncio.sleep(2)
    log("at t=4: n_waiting =", barrier.n_waiting)
    res = await asyncio.gather(*ts)
    one = await asyncio.Barrier(1).wait()
    log("a one-party barrier passes at once with index", one)
    return res
