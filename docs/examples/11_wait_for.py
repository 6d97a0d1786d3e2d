import asyncio


async def eternity():
    # Sleep for one hour
    await asyncio.sleep(3600)
    log("yay!")


async def main():
    # Wait for at most 1 second
    try:
        await asyncio.wait_for(eternity(), timeout=1.0)
    except TimeoutError:
        log("timeout!")
