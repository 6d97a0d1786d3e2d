import asyncio


async def work(name):
    log(name, "starts its first step")
    total = 0
    for i in range(100_000):  # no await: nothing else runs, and virtual time stands still
        total += i
    log(name, "ends its first step")
    await asyncio.sleep(1)
    log(name, "done")


async def main():
    await asyncio.gather(work("A"), work("B"))
