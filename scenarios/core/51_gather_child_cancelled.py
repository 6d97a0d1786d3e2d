import asyncio


async def work(name, delay):
    await asyncio.sleep(delay)
    log(name, "finished")
    return name


async def main():
    a = asyncio.create_task(work("a", 1))
    b = asyncio.create_task(work("b", 2))
    g = asyncio.gather(a, b)
    await asyncio.sleep(0)
    # A cancelled child (without return_exceptions) makes the gather fail
    # with CancelledError, but the gather is not cancelled and b goes on.
    log("a.cancel() ->", a.cancel())
    try:
        await g
    except asyncio.CancelledError:
        log("gather raised CancelledError; cancelled() ->", g.cancelled())
    log("main cancelling() ->", asyncio.current_task().cancelling())
    value = await b
    log("b returned", value)
    return value
