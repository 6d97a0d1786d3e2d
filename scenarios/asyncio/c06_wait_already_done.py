import asyncio


async def ticker():
    for i in range(4):
        log("tick", i)
        await asyncio.sleep(0)


async def quick(n):
    return n


async def main():
    loop = asyncio.get_running_loop()
    a = asyncio.create_task(quick(1), name="a")
    b = asyncio.create_task(quick(2), name="b")
    await asyncio.sleep(0)
    log("a, b done", a.done(), b.done())
    f = loop.create_future()
    f.set_result("f")
    asyncio.create_task(ticker(), name="ticker")
    log("wait starts")
    done, pending = await asyncio.wait([a, b, f], return_when=asyncio.FIRST_COMPLETED)
    log("wait returned", len(done), len(pending))
    return [a.result(), b.result(), f.result()]
