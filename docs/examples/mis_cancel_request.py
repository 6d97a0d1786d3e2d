import asyncio


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log("stubborn: got CancelledError, and carries on")
    await asyncio.sleep(1)
    log("stubborn: still running")
    return "finished anyway"


async def main():
    task = asyncio.create_task(stubborn())
    await asyncio.sleep(1)
    task.cancel()
    log("main: cancel() returned; done?", task.done())
    log("main: the task returned", await task)
    log("main: cancelled?", task.cancelled())
