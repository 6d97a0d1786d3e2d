import asyncio


async def sleeper():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log("sleeper got CancelledError")
        raise
    log("sleeper woke normally")  # never


async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(1)
    log("cancel() ->", t.cancel())
    log("cancelled() right after ->", t.cancelled())
    try:
        await t
    except asyncio.CancelledError:
        log("await t raised CancelledError")
    log("cancelled() ->", t.cancelled(), "done() ->", t.done())
