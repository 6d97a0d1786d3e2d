import asyncio


async def fail_soon():
    await asyncio.sleep(1)
    raise ValueError("boom")


async def again():
    await asyncio.sleep(1)
    return "again"


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_soon())
            await asyncio.sleep(5)
    except ExceptionGroup as eg:
        log("caught", type(eg).__name__, "cancelling", asyncio.current_task().cancelling())
    await asyncio.sleep(2)
    log("parent sleeps on undisturbed until", repr(loop.time()))
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(again())
    log("a second group works", t.result())
    return "ok"
