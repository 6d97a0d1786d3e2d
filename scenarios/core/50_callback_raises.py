import asyncio


def boom():
    log("callback raises")
    raise ValueError("in a callback")


async def failing_task():
    log("task raises; nobody awaits it")
    raise ValueError("in a task")


async def main():
    loop = asyncio.get_running_loop()
    # An exception in a callback, or in a task nobody awaits, goes to the
    # loop's exception handler; the loop itself carries on.
    loop.call_soon(boom)
    loop.call_soon(log, "next callback still runs")
    t = asyncio.create_task(failing_task())
    await asyncio.sleep(1)
    log("main goes on; task done() ->", t.done())
    loop.call_later(1, boom)
    await asyncio.sleep(2)
    log("main done")
