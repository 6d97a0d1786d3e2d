import asyncio


async def helper(fut):
    await asyncio.sleep(2)
    log("helper finishes without completing the future")


async def main():
    fut = asyncio.get_running_loop().create_future()
    asyncio.create_task(helper(fut))
    log("waiting")
    await fut
