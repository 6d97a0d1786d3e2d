import asyncio


async def nap():
    await asyncio.sleep(5)


async def main():
    loop = asyncio.get_running_loop()
    fresh = asyncio.create_task(nap())
    log("not started: cancel() ->", fresh.cancel(), "again ->", fresh.cancel())
    sleeping = asyncio.create_task(nap())
    await asyncio.sleep(1)
    log("sleeping: cancel() ->", sleeping.cancel(), "again ->", sleeping.cancel())
    await asyncio.sleep(0)
    log("done now:", fresh.done(), sleeping.done())
    log("cancelled task: cancel() ->", fresh.cancel(), sleeping.cancel())
    fut = loop.create_future()
    log("future: cancel() ->", fut.cancel(), "again ->", fut.cancel())
    done = loop.create_future()
    done.set_result(1)
    log("done future: cancel() ->", done.cancel(), "cancelled() ->", done.cancelled())
    log("counts:", fresh.cancelling(), sleeping.cancelling())
