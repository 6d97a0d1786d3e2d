import asyncio


async def long_running_task():
    log("long_running_task starts")
    await asyncio.sleep(3600)
    log("never printed")


async def main():
    try:
        async with asyncio.timeout(10):
            await long_running_task()
    except TimeoutError:
        log("The long operation timed out, but we've handled it.")
    log("This statement will run regardless.")
