import asyncio


async def nap():
    await asyncio.sleep(5)
    return "rested"


async def awaiter(t):
    try:
        await t
    except asyncio.CancelledError:
        log("awaiter: CancelledError; my cancelling() ->", asyncio.current_task().cancelling())
    return "awaiter finished"


async def main():
    t = asyncio.create_task(nap())
    await asyncio.sleep(1)
    t.cancel()
    await asyncio.sleep(1)
    log("t.cancelled() ->", t.cancelled())
    try:
        t.result()
    except asyncio.CancelledError:
        log("t.result() raised CancelledError")
    try:
        t.exception()
    except asyncio.CancelledError:
        log("t.exception() raised CancelledError")
    value = await asyncio.create_task(awaiter(t))
    log(value)
    return value
