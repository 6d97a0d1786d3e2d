import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fired = []
    # The same 100 timers, plus two far-away timers that are cancelled
    # too: 52 cancelled out of 103 is more than half, so the next
    # iteration rebuilds the heap, and equal deadlines pop in a new order.
    handles = [loop.call_later(1, fired.append, i) for i in range(100)]
    for h in handles[1::2]:
        h.cancel()
    loop.call_later(10, fired.append, "far").cancel()
    loop.call_later(10, fired.append, "far").cancel()
    await asyncio.sleep(2)
    log(len(fired), "fired:", fired)
