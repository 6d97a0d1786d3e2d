import asyncio


async def waiter(ev, name):
    try:
        await ev.wait()
    except asyncio.CancelledError:
        log(name, "cancelled")
        raise
    log(name, "woke")


async def main():
    ev = asyncio.Event()
    ts = [asyncio.create_task(waiter(ev, n), name=n) for n in ["W1", "W2", "W3", "W4"]]
    await asyncio.sleep(0)
    ts[1].cancel()
    await asyncio.sleep(0)
    log("W2 is gone; set() now")
    ev.set()
    ts[2].cancel()
    log("W3 cancelled after set() but before it ran")
    await asyncio.gather(*ts, return_exceptions=True)
    log("cancelled:", [t.cancelled() for t in ts])
