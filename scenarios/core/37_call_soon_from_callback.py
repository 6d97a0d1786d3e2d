import asyncio


def first():
    log("first; scheduling nested")
    asyncio.get_running_loop().call_soon(log, "nested (next iteration)")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(first)
    h = loop.call_soon(log, "never: cancelled handle")
    loop.call_soon(log, "second")
    t = loop.call_later(1, log, "never: cancelled timer")
    h.cancel()
    t.cancel()
    log("handles cancelled() ->", h.cancelled(), t.cancelled())
    await asyncio.sleep(0)
    log("main after sleep(0)")
    await asyncio.sleep(2)
    log("main done")
