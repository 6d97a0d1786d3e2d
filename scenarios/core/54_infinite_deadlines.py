import asyncio


def now():
    return repr(asyncio.get_running_loop().time())


async def setter(ev):
    await asyncio.sleep(5)
    log("setting the event")
    ev.set()


async def main():
    loop = asyncio.get_running_loop()
    # sleep(inf) sleeps until it is cancelled
    forever = asyncio.create_task(asyncio.sleep(float("inf")))
    # wait_for and timeout with an infinite limit never time out
    ev = asyncio.Event()
    asyncio.create_task(setter(ev))
    log("wait_for(inf) ->", await asyncio.wait_for(ev.wait(), float("inf")), "at", now())
    async with asyncio.timeout(float("inf")) as cm:
        await asyncio.sleep(1)
    log("timeout(inf) expired() ->", cm.expired(), "when() ->", cm.when(), "at", now())
    # asyncio.wait with an infinite timeout returns when the task is done
    quick = asyncio.create_task(asyncio.sleep(2))
    done, pending = await asyncio.wait([quick, forever], timeout=float("inf"), return_when=asyncio.FIRST_COMPLETED)
    log("wait(inf):", len(done), "done,", len(pending), "pending at", now())
    # a timer at +inf never fires; one at -inf fires in the next iteration
    never = loop.call_later(float("inf"), log, "never")
    loop.call_at(float("-inf"), log, "call_at(-inf) fired at", now())
    # sleep(-inf) is sleep(0): one bare yield
    await asyncio.sleep(float("-inf"))
    log("after sleep(-inf) at", now())
    # timeout(-inf) expires at once
    try:
        async with asyncio.timeout(float("-inf")):
            await asyncio.sleep(1)
    except TimeoutError:
        log("timeout(-inf) timed out at", now())
    never.cancel()
    forever.cancel()
    try:
        await forever
    except asyncio.CancelledError:
        log("sleep(inf) cancelled at", now())
