import asyncio


async def inner():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log("inner cancelled")
        raise


async def outer(t):
    try:
        await t
    except asyncio.CancelledError:
        log("outer cancelled")
        raise


async def main():
    ti = asyncio.create_task(inner())
    to = asyncio.create_task(outer(ti))
    await asyncio.sleep(1)
    log("outer.cancel() ->", to.cancel())
    log("cancelling() inner, outer ->", ti.cancelling(), to.cancelling())
    for step in range(3):
        await asyncio.sleep(0)
        log("after sleep(0) #", step, "done:", ti.done(), to.done())
    log("cancelled() inner, outer ->", ti.cancelled(), to.cancelled())
