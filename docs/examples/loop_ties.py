import asyncio


async def sleeper(i):
    await asyncio.sleep(1)
    log(f"t{i}")


async def main():
    tasks = [asyncio.create_task(sleeper(i), name=f"t{i}") for i in range(12)]
    await asyncio.gather(*tasks)
