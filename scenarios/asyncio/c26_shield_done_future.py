import asyncio


async def quick():
    return 7


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_result("done already")
    log("shield(f) is f:", asyncio.shield(f) is f)
    log("await ->", await asyncio.shield(f))
    t = asyncio.create_task(quick())
    s = asyncio.shield(t)
    log("pending task: shield(t) is t:", s is t)
    s.cancel()
    log("outer cancelled", s.cancelled(), "inner cancelled", t.cancelled())
    r = await t
    log("inner result", r)
    log("shield(t) is t now:", asyncio.shield(t) is t)
    return r
