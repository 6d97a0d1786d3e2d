import asyncio


async def work(n):
    await asyncio.sleep(n)
    log("work", n, "done")
    return n


async def main():
    ts = [asyncio.create_task(work(n), name=f"w{n}") for n in (2, 1, 3)]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    log("done", sorted(t.get_name() for t in done))
    log("pending", len(pending))
    return sorted(t.result() for t in done)
