import asyncio


async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(1) as cm:
        log("expired before", cm.expired())
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            log("swallowed; expired", cm.expired())
            log("cancelling inside", asyncio.current_task().cancelling())
        await asyncio.sleep(1)
        log("body goes on to the end")
    log("no TimeoutError; expired", cm.expired())
    log("cancelling after", asyncio.current_task().cancelling())
    return repr(loop.time())
