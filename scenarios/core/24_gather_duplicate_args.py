import asyncio


async def work():
    log("work runs once")
    await asyncio.sleep(1)
    return 7


async def nap():
    await asyncio.sleep(10)


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(work())
    fut = loop.create_future()
    loop.call_later(2, fut.set_result, "f")
    results = await asyncio.gather(t, fut, t, fut, t)
    log("results:", results)
    # The children list keeps the duplicates: cancelling the gather
    # cancels the same task once per occurrence.
    s = asyncio.create_task(nap())
    g = asyncio.gather(s, s)
    log("gather.cancel() ->", g.cancel(), "s.cancelling() ->", s.cancelling())
    try:
        await g
    except asyncio.CancelledError:
        log("gather raised CancelledError; s.cancelled() ->", s.cancelled())
    return results
