import asyncio


async def work(n):
    await asyncio.sleep(1)
    return n


async def main():
    ts = [asyncio.create_task(work(n), name=f"w{n}") for n in (1, 2, 3, 4)]
    order = []
    for next_done in asyncio.as_completed(ts):
        order.append(await next_done)
    log("as_completed order", order)
    us = [asyncio.create_task(work(n), name=f"u{n}") for n in (1, 2, 3, 4)]
    done, pending = await asyncio.wait(us, return_when=asyncio.FIRST_COMPLETED)
    log("FIRST_COMPLETED done", sorted(t.get_name() for t in done), len(pending))
    return order
