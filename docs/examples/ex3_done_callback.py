import asyncio


async def quick():
    await asyncio.sleep(0)
    log("quick: done")


async def watcher(task):
    await task
    log("watcher: woke up")


async def ticker():
    for i in range(1, 4):
        log("tick", i)
        await asyncio.sleep(0)


async def main():
    q = asyncio.create_task(quick())
    asyncio.create_task(watcher(q))
    await asyncio.create_task(ticker())
