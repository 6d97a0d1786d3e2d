import asyncio


async def sleeper(i):
    await asyncio.sleep(1)
    log(f"t{i}")


async def main():
    # Twelve timers with the same deadline: heapq pops them in its own
    # order (t0 t2 t6 t11 t10 t9 t8 t5 t7 t4 t1 t3), not in FIFO order.
    tasks = [asyncio.create_task(sleeper(i)) for i in range(12)]
    for t in tasks:
        await t
    log("all awake")
