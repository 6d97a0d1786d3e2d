import asyncio


async def gather_in_task(label, aws, **kw):
    try:
        r = await asyncio.gather(*aws, **kw)
        log(label, "result", r)
    except asyncio.CancelledError as e:
        log(label, "CancelledError", repr(str(e)))


async def swallow(name, d):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError as e:
        log(name, "swallows", repr(str(e)))
    await asyncio.sleep(d)
    return name


async def main():
    loop = asyncio.get_running_loop()
    # f2 is cancelled with a message by a callback; then the gathering task is
    # cancelled, which cancels f1 (no message): f1 finishes last, but the
    # message comes from the last child in argument order
    for order in ("f1 f2", "f2 f1"):
        f = {"f1": loop.create_future(), "f2": loop.create_future()}
        t = asyncio.create_task(gather_in_task(order, [f[n] for n in order.split()], return_exceptions=True))
        await asyncio.sleep(0)
        loop.call_soon(f["f2"].cancel, "m2")
        await asyncio.sleep(0)
        t.cancel()
        await asyncio.sleep(0.1)
    # the last child was not cancelled at all: its (empty) message
    f1, f2 = loop.create_future(), loop.create_future()
    t = asyncio.create_task(gather_in_task("f1 done", [f2, f1], return_exceptions=True))
    await asyncio.sleep(0)
    loop.call_soon(f2.cancel, "m2")
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0.1)
    # tasks that swallow the cancellation (with a message): none ends cancelled
    a = asyncio.create_task(swallow("a", 0.5))
    b = asyncio.create_task(swallow("b", 0.2))
    t = asyncio.create_task(gather_in_task("swallowed", [a, b]))
    await asyncio.sleep(0.1)
    t.cancel("stop")
    await asyncio.sleep(2)
    # the same argument twice: the last child is that future
    f1, f2 = loop.create_future(), loop.create_future()
    t = asyncio.create_task(gather_in_task("twice", [f2, f1, f2], return_exceptions=True))
    await asyncio.sleep(0)
    loop.call_soon(f2.cancel, "m2")
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0.1)
    log("done")
