import asyncio


async def work(n):
    try:
        await asyncio.sleep(n)
    except asyncio.CancelledError:
        log("work", n, "cancelled at shutdown")
        raise
    return n


async def main():
    ts = [asyncio.create_task(work(n), name=f"w{n}") for n in (5, 1, 3)]
    got = []
    for next_done in asyncio.as_completed(ts, timeout=2):
        try:
            r = await next_done
            log("got", r)
            got.append(r)
        except TimeoutError:
            log("TimeoutError")
            got.append("timeout")
    log("pending tasks not cancelled:", [t.cancelled() for t in ts])
    return got
