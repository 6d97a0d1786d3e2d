import asyncio


async def work(n):
    await asyncio.sleep(n)
    if n == 2:
        raise ValueError("two")
    return n


def names(tasks):
    return sorted(t.get_name() for t in tasks)


async def main():
    results = await asyncio.gather(work(1), work(2), return_exceptions=True)
    log("gather:", results)

    ts = [asyncio.create_task(work(n), name=f"w{n}") for n in (3, 2, 1)]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    log("FIRST_COMPLETED: done", names(done), "pending", names(pending))
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    log("FIRST_EXCEPTION: done", names(done), "pending", names(pending))
    done, pending = await asyncio.wait(ts, timeout=0.5)
    log("ALL_COMPLETED, timeout=0.5: done", names(done), "pending", names(pending))

    for next_done in asyncio.as_completed([work(3), work(1), work(0.5)]):
        log("as_completed ->", await next_done)
