import asyncio


async def fail_soon():
    await asyncio.sleep(1)
    raise ValueError("deep")


async def inner_group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail_soon(), name="failer")
        await asyncio.sleep(10)


async def sleeper():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log("sleeper cancelled")
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(inner_group(), name="inner")
            outer.create_task(sleeper(), name="sleeper")
    except ExceptionGroup as eg:
        log("outer", [type(x).__name__ for x in eg.exceptions])
        nested = eg.exceptions[0]
        log("nested", [type(x).__name__ for x in nested.exceptions])
    return "ok"
