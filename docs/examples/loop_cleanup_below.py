import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fired = []
    # 100 timers due at t=1, the odd ones cancelled: with main's own
    # sleep timer that is 50 cancelled out of 101 scheduled, not more
    # than half, so the heap is not rebuilt.
    handles = [loop.call_later(1, fired.append, i) for i in range(100)]
    for h in handles[1::2]:
        h.cancel()
    await asyncio.sleep(2)
    log(len(fired), "fired:", fired)
