import asyncio


async def child(n):
    try:
        await asyncio.sleep(n)
    except asyncio.CancelledError:
        log("child", n, "cancelled")
        raise
    log("child", n, "done")


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(2):
            async with asyncio.TaskGroup() as tg:
                tg.create_task(child(1), name="c1")
                tg.create_task(child(5), name="c5")
    except TimeoutError:
        log("TimeoutError at", repr(loop.time()))
    log("cancelling", asyncio.current_task().cancelling())
    return "ok"
