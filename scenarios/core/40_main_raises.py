import asyncio


async def background():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log("background cancelled after main raised")
        raise


async def main():
    asyncio.create_task(background())
    log("main about to fail")
    await asyncio.sleep(1)
    raise ValueError("main failed")
