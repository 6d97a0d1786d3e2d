import asyncio


async def self_cancelling():
    log("b cancels itself:", asyncio.current_task().cancel())
    log("b returns anyway")
    return "b"


async def late():
    try:
        await asyncio.sleep(1)
        log("c slept")  # never: the cancel arrives first
    except asyncio.CancelledError:
        log("c caught CancelledError although its sleep was over")
    return "c"


async def main():
    b = asyncio.create_task(self_cancelling())
    c = asyncio.create_task(late())
    await asyncio.sleep(1)
    # c's sleep ended in the same iteration as main's; c's step is queued
    # after main's, so this cancel() lands between the two.
    log("c.done() ->", c.done(), "c.cancel() ->", c.cancel())
    try:
        await b
    except asyncio.CancelledError:
        log("b ended cancelled:", b.cancelled())
    value = await c
    log("c returned", value, "cancelled() ->", c.cancelled())
