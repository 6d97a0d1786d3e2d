import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fired = []
    # 40 timers due at t=1; all but the first (the heap's head) are
    # cancelled.  At t=1 they are all popped together as "due", so the
    # 39 cancelled ones leave without decrementing _timer_cancelled_count.
    first = [loop.call_later(1, fired.append, i) for i in range(40)]
    for h in first[1:]:
        h.cancel()
    await asyncio.sleep(2)
    log("fired", fired)
    # 100 new timers, 40 of them cancelled: only 40 of 101 are really
    # cancelled, but the stale count says 79, so the heap is rebuilt and
    # the equal deadlines pop in heapify's order.
    fired.clear()
    second = [loop.call_later(1 + i % 4, fired.append, 100 + i) for i in range(100)]
    for i, h in enumerate(second):
        if i % 5 < 2:
            h.cancel()
    await asyncio.sleep(5)
    log("fired", fired)
