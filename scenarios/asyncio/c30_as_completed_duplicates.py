import asyncio


async def work(n):
    await asyncio.sleep(n)
    if n == 2:
        raise ValueError("two")
    return n


async def main():
    a = asyncio.create_task(work(1), name="a")
    b = asyncio.create_task(work(2), name="b")
    results = []
    count = 0
    for next_done in asyncio.as_completed([a, b, a, a, b]):
        count += 1
        try:
            results.append(await next_done)
        except ValueError as e:
            results.append(str(e))
    log("awaitables yielded", count)
    return results
