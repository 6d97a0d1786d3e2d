import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(2, fut.set_result, "ready")
    bad = loop.create_future()
    loop.call_later(1, bad.set_exception, ValueError("late failure"))
    try:
        await bad
    except ValueError as e:
        log("bad raised ValueError:", str(e))
    v = await fut
    log("fut ->", v)
    return v
