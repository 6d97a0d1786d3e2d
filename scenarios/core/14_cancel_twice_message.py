import asyncio


async def sleeper(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        log(name, "sees:", str(e))
        raise


async def main():
    a = asyncio.create_task(sleeper("a"))
    await asyncio.sleep(1)
    # a waits on its sleep: the first cancel() cancels that future with
    # "first"; the second only sets _must_cancel, and a still sees "first".
    log("a.cancel ->", a.cancel("first"), a.cancel("second"))
    b = asyncio.create_task(sleeper("b"))
    # b has not started: nothing to forward to, so each cancel() stores
    # its message and the last one wins.
    log("b.cancel ->", b.cancel("first"), b.cancel("second"))
    for t in (a, b):
        try:
            await t
        except asyncio.CancelledError as e:
            log("awaiting", t.get_name(), "raised:", str(e))
    log("cancelling():", a.cancelling(), b.cancelling())
