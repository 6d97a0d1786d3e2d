import asyncio


def on_done(fut):
    pass


class MyFuture(asyncio.Future):
    pass


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    log("new", repr(f))
    f.add_done_callback(on_done)
    f.add_done_callback(on_done)
    log("two callbacks", repr(f))
    f.set_result(42)
    log("done", repr(f))
    values = ["x", "it's", None, True, 2.5, [1, "a", None, [2.5]], "y" * 29, "z" * 40,
              list(range(10)), [[[[[[[1]]]]]]], ValueError("boom"), -7]
    for value in values:
        g = loop.create_future()
        g.set_result(value)
        log("result", repr(g))
    g = loop.create_future()
    g.set_exception(ValueError("it's bad"))
    log("exception", repr(g))
    g.exception()
    g = loop.create_future()
    g.cancel("why")
    log("cancelled", repr(g))
    gf = asyncio.gather(asyncio.sleep(1, "a"), asyncio.sleep(2, "b"))
    log("gather", repr(gf))
    await gf
    log("gather", repr(gf))
    log("gather of nothing", repr(asyncio.gather()))
    h = loop.create_future()
    h.set_result(h)
    log("itself", repr(h))
    log("subclass", repr(MyFuture()))
