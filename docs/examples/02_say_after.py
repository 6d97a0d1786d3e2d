import asyncio


async def say_after(delay, what):
    await asyncio.sleep(delay)
    log(what)


async def main():
    log("started")
    await say_after(1, "hello")
    await say_after(2, "world")
    log("finished")
