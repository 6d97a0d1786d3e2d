import asyncio


async def main():
    try:
        async with asyncio.timeout(1) as cm:
            try:
                await asyncio.sleep(5)
            except asyncio.CancelledError:
                log("body turns the cancellation into ValueError")
                raise ValueError("instead")
    except TimeoutError:
        log("not printed")
    except ValueError as e:
        log("ValueError passes through:", str(e))
    log("expired", cm.expired(), "cancelling", asyncio.current_task().cancelling())
    await asyncio.sleep(1)
    return "ok"
