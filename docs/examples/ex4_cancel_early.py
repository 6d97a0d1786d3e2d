import asyncio


async def child():
    log("child: started")
    await asyncio.sleep(1)
    log("child: finished")


async def main():
    task = asyncio.create_task(child())
    task.cancel()
    log("main: cancelled?", task.cancelled())
    try:
        await task
    except asyncio.CancelledError:
        log("main: cancelled?", task.cancelled())
