import asyncio


async def work(name, delay):
    await asyncio.sleep(delay)
    log(name, "finished")
    return name


async def main():
    results = await asyncio.gather(work("slow", 3), work("fast", 1), work("mid", 2))
    log("results:", results)
    return results
