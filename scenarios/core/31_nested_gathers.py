import asyncio


async def leaf(n, delay):
    await asyncio.sleep(delay)
    log("leaf", n, "done")
    return n


async def main():
    results = await asyncio.gather(
        asyncio.gather(leaf(1, 3), leaf(2, 1)),
        asyncio.gather(leaf(3, 2)),
        leaf(4, 0),
    )
    log("results:", results)
    return results
