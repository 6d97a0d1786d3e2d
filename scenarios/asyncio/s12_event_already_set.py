import asyncio


async def ticker():
    for i in range(3):
        log("tick", i)
        await asyncio.sleep(0)


async def main():
    ev = asyncio.Event()
    ev.set()
    t = asyncio.create_task(ticker(), name="ticker")
    await asyncio.sleep(0)
    for i in range(3):
        r = await ev.wait()
        log("wait() on a set event ->", r)
    log("ticker did not run in between")
    await asyncio.sleep(0)
    log("after sleep(0)")
    await t
