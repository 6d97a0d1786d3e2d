import asyncio


async def work(n):
    await asyncio.sleep(n)
    log("work", n, "done")
    return n


async def main():
    ts = [asyncio.create_task(work(n), name=f"w{n}") for n in (3, 1, 2)]
    done, pending = await asyncio.wait(
        ts, timeout=10, return_when=asyncio.FIRST_COMPLETED
    )
    log("done", sorted(t.get_name() for t in done))
    log("pending", sorted(t.get_name() for t in pending))
    done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
    log("then done", sorted(t.get_name() for t in done))
    log("then pending", sorted(t.get_name() for t in pending))
    return [t.done() for t in ts]
