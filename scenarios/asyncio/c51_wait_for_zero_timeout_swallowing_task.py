import asyncio


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log("stubborn swallows the cancellation")
    return "kept"


async def main():
    t = asyncio.create_task(stubborn(), name="stubborn")
    await asyncio.sleep(1)
    r = await asyncio.wait_for(t, 0)
    log("wait_for(t, 0) returned", r, "cancelled", t.cancelled())
    return r
