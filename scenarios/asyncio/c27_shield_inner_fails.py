import asyncio


async def fragile():
    await asyncio.sleep(1)
    log("fragile fails")
    raise ValueError("broken")


async def main():
    t = asyncio.create_task(fragile(), name="fragile")
    try:
        await asyncio.shield(t)
    except ValueError as e:
        log("shield raised ValueError:", str(e))
    try:
        await asyncio.shield(fragile())
    except ValueError as e:
        log("shielded coroutine raised ValueError:", str(e))
    return t.exception()
