import asyncio


async def main():
    fut = asyncio.get_running_loop().create_future()
    log("waiting for a future nobody completes")
    await fut
    log("never reached")
