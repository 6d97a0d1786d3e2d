import asyncio


async def child(n):
    log("child", n, "runs")  # never: cancelled before its first step
    await asyncio.sleep(n)


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            a = tg.create_task(child(1), name="a")
            b = tg.create_task(child(2), name="b")
            raise ValueError("body fails at once")
    except ExceptionGroup as eg:
        log(type(eg).__name__, [type(x).__name__ for x in eg.exceptions])
        log("message", str(eg.exceptions[0]))
    log("children cancelled", a.cancelled(), b.cancelled())
    return "ok"
