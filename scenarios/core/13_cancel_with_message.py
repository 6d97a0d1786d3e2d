import asyncio


async def sleeper():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        log("inner sees:", str(e))
        raise


async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(1)
    t.cancel("stop now")
    try:
        await t
    except asyncio.CancelledError as e:
        log("outer sees:", str(e))
    log("cancelled() ->", t.cancelled())
