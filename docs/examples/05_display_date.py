import asyncio


async def display_date():
    loop = asyncio.get_running_loop()
    end_time = loop.time() + 5.0
    while True:
        log(f"time is {loop.time():g}")
        if (loop.time() + 1.0) >= end_time:
            break
        await asyncio.sleep(1)


async def main():
    await display_date()
