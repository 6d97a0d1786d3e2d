import asyncio


def kind(r):
    return type(r).__name__ if isinstance(r, BaseException) else r


async def ok():
    await asyncio.sleep(1)
    return 1


async def fail():
    await asyncio.sleep(2)
    raise ValueError("boom")


async def nap():
    await asyncio.sleep(5)


async def main():
    doomed = asyncio.create_task(nap())
    g = asyncio.gather(ok(), fail(), doomed, return_exceptions=True)
    await asyncio.sleep(0)
    doomed.cancel()
    results = await g
    log("kinds:", [kind(r) for r in results])
    log("messages:", [str(r) for r in results[1:]])
    log("gather cancelled() ->", g.cancelled())
    return results
