import asyncio


async def sleeper(i, delay):
    await asyncio.sleep(delay)
    log(f"t{i} woke after {delay}")


async def main():
    # Deadlines 1, 2, 3, 1, 2, 3, ... pushed onto one heap.
    tasks = [asyncio.create_task(sleeper(i, i % 3 + 1)) for i in range(12)]
    for t in tasks:
        await t
    log("all awake")
