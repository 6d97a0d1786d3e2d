import asyncio


async def inner():
    await asyncio.sleep(5)


async def caller(t):
    try:
        await asyncio.shield(t)
    except asyncio.CancelledError:
        log("caller sees CancelledError; cancelling", asyncio.current_task().cancelling())
    await asyncio.sleep(1)
    log("caller goes on")
    return "caller ok"


async def main():
    t = asyncio.create_task(inner(), name="inner")
    c = asyncio.create_task(caller(t), name="caller")
    await asyncio.sleep(1)
    t.cancel()
    r = await c
    log("caller returned", r, "inner cancelled", t.cancelled())
    return r
