import asyncio


async def ticker():
    for i in range(3):
        log("tick", i)
        await asyncio.sleep(0)


async def main():
    loop = asyncio.get_running_loop()
    f1 = loop.create_future()
    f2 = loop.create_future()
    f1.set_result(1)
    f2.set_result(2)
    asyncio.create_task(ticker())
    g = asyncio.gather(f1, f2)
    # In 3.12 gather() runs the done-callbacks of children that are
    # already done right away, so g is done before anyone awaits it.
    log("gather done() at once ->", g.done())
    results = await g
    log("results:", results)
    await asyncio.sleep(0)
    log("main after sleep(0)")
    return results
