import asyncio


async def child(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log(name, "cancelled")
        raise


async def main():
    g = asyncio.gather(child("a"), child("b"))
    await asyncio.sleep(1)
    log("gather.cancel() ->", g.cancel())
    log("gather.cancelled() right after ->", g.cancelled())
    try:
        await g
    except asyncio.CancelledError:
        log("await gather raised CancelledError")
    log("gather.cancelled() ->", g.cancelled())
