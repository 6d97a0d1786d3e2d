import asyncio


async def fail_soon():
    await asyncio.sleep(1)
    log("failer raises")
    raise ValueError("boom")


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log("stubborn caught the cancellation; cleaning up")
    await asyncio.sleep(2)
    log("stubborn finishes")
    return "late"


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_soon(), name="failer")
            s = tg.create_task(stubborn(), name="stubborn")
    except ExceptionGroup as eg:
        log("group raised at", repr(loop.time()), [type(x).__name__ for x in eg.exceptions])
    log("stubborn result", s.result(), "cancelled", s.cancelled())
    return "ok"
