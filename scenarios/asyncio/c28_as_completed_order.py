import asyncio


async def work(n):
    for _ in range(n):
        await asyncio.sleep(0)
    log("work", n, "done")
    return n


async def ticker():
    for i in range(10):
        log("tick", i)
        await asyncio.sleep(0)


async def main():
    asyncio.create_task(ticker(), name="ticker")
    ts = [asyncio.create_task(work(n), name=f"w{n}") for n in (5, 1, 3)]
    order = []
    for next_done in asyncio.as_completed(ts):
        r = await next_done
        log("got", r)
        order.append(r)
    return order
