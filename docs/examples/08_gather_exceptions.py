import asyncio


async def work(n):
    await asyncio.sleep(n)
    if n == 2:
        raise ValueError(f"no {n}")
    log("work", n, "done")
    return n * 10


async def main():
    results = await asyncio.gather(work(1), work(2), work(3), return_exceptions=True)
    log("with return_exceptions:", results)
    try:
        await asyncio.gather(work(1), work(2), work(3))
    except ValueError as e:
        log("without: gather raised ValueError:", e)
    await asyncio.sleep(2)
    log("the other children ran on")
