import asyncio


async def fail_soon():
    await asyncio.sleep(1)
    raise ValueError("boom")


async def late():
    log("late child runs")  # never


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_soon(), name="failer")
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                try:
                    tg.create_task(late())
                except RuntimeError:
                    log("create_task while aborting: RuntimeError")
                raise
    except ExceptionGroup as eg:
        log("caught", [type(x).__name__ for x in eg.exceptions])
    try:
        tg.create_task(late())
    except RuntimeError:
        log("create_task after exit: RuntimeError")
    t = asyncio.create_task(late())
    log("next default name:", t.get_name())
    t.cancel()
    return "ok"
