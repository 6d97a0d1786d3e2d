import asyncio


async def work(n):
    await asyncio.sleep(n)
    log("work", n, "done")
    return n * 10


async def main():
    ts = [asyncio.create_task(work(n), name=f"w{n}") for n in (3, 1, 2)]
    done, pending = await asyncio.wait(ts)
    log("done", sorted(t.get_name() for t in done))
    log("pending", len(pending))
    return [t.result() for t in ts]
