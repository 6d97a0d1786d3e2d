import asyncio


async def worker(barrier, name, delay):
    await asyncio.sleep(delay)
    log(name, "arrives; n_waiting =", barrier.n_waiting)
    index = await barrier.wait()
    log(name, "passes with index", index)
    return index


async def main():
    barrier = asyncio.Barrier(3)
    log("parties =", barrier.parties, "broken =", barrier.broken)
    ts = [
        asyncio.create_task(worker(barrier, "A", 2), name="A"),
        asyncio.create_task(worker(barrier, "B", 1), name="B"),
        asyncio.create_task(worker(barrier, "C", 3), name="C"),
    ]
    await asyncio.sleep(2.5)
    log("n_waiting =", barrier.n_waiting)
    res = await asyncio.gather(*ts)
    log("n_waiting after =", barrier.n_waiting)
    return res
