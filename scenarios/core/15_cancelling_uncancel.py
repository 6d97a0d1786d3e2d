import asyncio


async def stubborn():
    me = asyncio.current_task()
    for n in range(2):
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            log("round", n, "caught; cancelling() ->", me.cancelling())
            log("uncancel() ->", me.uncancel())
    log("finishing; cancelling() ->", me.cancelling())
    return "ok"


async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(1)
    log("cancel() ->", t.cancel(), "cancelling() ->", t.cancelling())
    log("cancel() ->", t.cancel(), "cancelling() ->", t.cancelling())
    await asyncio.sleep(1)
    log("cancel() ->", t.cancel(), "cancelling() ->", t.cancelling())
    value = await t
    log("got", value, "cancelled() ->", t.cancelled(), "cancelling() ->", t.cancelling())
    return value
