import asyncio


async def ok():
    return "fine"


async def bad():
    raise ValueError("bad")


async def main():
    t1 = asyncio.create_task(ok())
    t2 = asyncio.create_task(bad())
    await asyncio.sleep(0)
    log("done() ->", t1.done(), t2.done())
    log("cancel() ->", t1.cancel(), t2.cancel())
    log("cancelled() ->", t1.cancelled(), t2.cancelled())
    log("cancelling() ->", t1.cancelling(), t2.cancelling())
    log("t1.result() ->", t1.result())
    log("t2.exception() ->", type(t2.exception()).__name__, str(t2.exception()))
    return await t1
