import asyncio


async def fail_after(delay):
    await asyncio.sleep(delay)
    log("failing")
    raise ValueError("child failed")


async def work(name, delay):
    await asyncio.sleep(delay)
    log(name, "still ran")
    return name


async def main():
    try:
        await asyncio.gather(fail_after(1), work("b", 2), work("c", 3))
    except ValueError as e:
        log("gather raised ValueError:", str(e))
    await asyncio.sleep(5)
    log("main done")
