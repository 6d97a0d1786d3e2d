import asyncio


async def clinger(fut):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log("clinger cancelled; now waiting on a future forever")
        await fut


async def main():
    fut = asyncio.get_running_loop().create_future()
    asyncio.create_task(clinger(fut))
    await asyncio.sleep(1)
    log("main returns")
    return 1
