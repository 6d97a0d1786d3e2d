import asyncio


async def say_after(delay, what):
    await asyncio.sleep(delay)
    log(what)


async def main():
    async with asyncio.TaskGroup() as tg:
        task1 = tg.create_task(say_after(1, "hello"))
        task2 = tg.create_task(say_after(2, "world"))
        log("started")
    # The await is implicit when the context manager exits.
    log("finished")
