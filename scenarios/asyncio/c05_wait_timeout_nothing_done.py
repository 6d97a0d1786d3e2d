import asyncio


async def work(n):
    try:
        await asyncio.sleep(n)
    except asyncio.CancelledError:
        log("work", n, "cancelled")
        raise
    return n


async def main():
    ts = [asyncio.create_task(work(n), name=f"w{n}") for n in (5, 4)]
    done, pending = await asyncio.wait(ts, timeout=2)
    log("done", len(done), "pending", sorted(t.get_name() for t in pending))
    log("still running", [t.done() for t in ts], [t.cancelled() for t in ts])
    ts[0].cancel()
    done, pending = await asyncio.wait(ts, timeout=1)
    log("done", sorted(t.get_name() for t in done), "pending", len(pending))
    log("w5 cancelled", ts[0].cancelled())
    return await ts[1]
