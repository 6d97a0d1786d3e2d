import asyncio


def fire(i):
    log(f"timer {i}")


async def main():
    loop = asyncio.get_running_loop()
    # 110 timers (> 100) due at 1, 2 and 3; cancelling 88 of them (> half)
    # makes the next _run_once rebuild the heap with heapify(), which
    # changes the order in which the equal deadlines pop.
    handles = [loop.call_later(1 + i % 3, fire, i) for i in range(110)]
    for i, h in enumerate(handles):
        if i % 5 != 0:
            h.cancel()
    log("scheduled 110 timers, cancelled 88")
    await asyncio.sleep(4)
    log("done")
