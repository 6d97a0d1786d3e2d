import asyncio


async def body():
    log("body runs")  # never: the task is cancelled before its first step
    return 1


async def main():
    t = asyncio.create_task(body())
    log("cancel() ->", t.cancel())
    log("cancelled() right after ->", t.cancelled())
    try:
        await t
    except asyncio.CancelledError:
        log("await t raised CancelledError")
    log("cancelled() ->", t.cancelled(), "done() ->", t.done())
