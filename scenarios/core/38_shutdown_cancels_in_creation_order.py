import asyncio


async def worker(name, stubborn):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log(name, "cancelled at shutdown")
        if not stubborn:
            raise
        await asyncio.sleep(5)
        log(name, "finished its clean-up")


async def main():
    asyncio.create_task(worker("c", False), name="c")
    asyncio.create_task(worker("a", True), name="a")
    asyncio.create_task(worker("b", False), name="b")
    await asyncio.sleep(1)
    log("main returns while c, a, b sleep")
    return "bye"
