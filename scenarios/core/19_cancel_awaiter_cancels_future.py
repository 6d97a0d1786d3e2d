import asyncio


async def waiter(fut):
    try:
        await fut
    except asyncio.CancelledError:
        log("waiter cancelled; fut.cancelled() ->", fut.cancelled())
        raise


async def main():
    fut = asyncio.get_running_loop().create_future()
    t = asyncio.create_task(waiter(fut))
    await asyncio.sleep(1)
    log("cancel() ->", t.cancel())
    log("fut.cancelled() right after ->", fut.cancelled())
    try:
        await t
    except asyncio.CancelledError:
        log("await t raised CancelledError")
    log("task cancelled() ->", t.cancelled())
