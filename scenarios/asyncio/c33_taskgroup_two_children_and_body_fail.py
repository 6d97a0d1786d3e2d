import asyncio


async def fail(n, exc):
    await asyncio.sleep(n)
    log("child", n, "raises", type(exc).__name__)
    raise exc


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(1, ValueError("a")), name="c1")
            tg.create_task(fail(1, ZeroDivisionError("b")), name="c2")
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                log("body cancelled, raises KeyError")
                raise KeyError("body")
    except ExceptionGroup as eg:
        log(type(eg).__name__, [type(x).__name__ for x in eg.exceptions])
    log("cancelling", asyncio.current_task().cancelling())
    return "ok"
