import asyncio


async def fail(n):
    if n:
        await asyncio.sleep(n)
    raise ValueError(f"fail {n}")


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(fail(1), name="fail1")
    try:
        await asyncio.wait_for(t, 5)
    except ValueError as e:
        log("task error passes through:", str(e))
    try:
        await asyncio.wait_for(fail(0), 5)
    except ValueError as e:
        log("coroutine error passes through:", str(e))
    await asyncio.sleep(0)
    log("timers cancelled; time", repr(loop.time()))
    return "ok"
