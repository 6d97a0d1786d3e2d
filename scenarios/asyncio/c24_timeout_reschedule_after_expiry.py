import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(1) as cm:
            try:
                await asyncio.sleep(5)
            except asyncio.CancelledError:
                try:
                    cm.reschedule(loop.time() + 10)
                except RuntimeError:
                    log("reschedule while expiring: RuntimeError")
                raise
    except TimeoutError:
        log("TimeoutError")
    try:
        cm.reschedule(None)
    except RuntimeError:
        log("reschedule after exit: RuntimeError")
    return cm.expired()
