import asyncio


async def worker(barrier, name):
    log(name, "calls wait(); n_waiting =", barrier.n_waiting)
    i = await barrier.wait()
    log(name, "passed with index", i)
    return i


async def main():
    barrier = asyncio.Barrier(2)
    a = asyncio.create_task(worker(barrier, "A"), name="A")
    await asyncio.sleep(0)
    c = asyncio.create_task(worker(barrier, "C"), name="C")
    i = await barrier.wait()
    log("main passed with index", i, "before A left; n_waiting =", barrier.n_waiting)
    await asyncio.sleep(0)
    log("C is blocked until A has left; n_waiting =", barrier.n_waiting)
    await asyncio.sleep(0)
    log("A left, C is now filling round 2; n_waiting =", barrier.n_waiting)
    i = await barrier.wait()
    log("main passed round 2 with index", i)
    return await asyncio.gather(a, c)
