import asyncio


async def main():
    loop = asyncio.get_running_loop()
    woke = []

    async def sleeper(i):
        await asyncio.sleep(0.1)  # deadline: loop.time() + 0.1, the clock read now
        woke.append(i)

    tasks = [asyncio.create_task(sleeper(i)) for i in range(12)]
    await asyncio.sleep(0)  # the twelve first steps run, one after another: each sets its timer
    deadlines = [timer.when() for timer in loop._scheduled]  # asyncio's timer heap (private: read only to show it)
    print("timers:", len(deadlines), "different deadlines:", len(set(deadlines)))
    await asyncio.gather(*tasks)
    print("woke:", woke)


asyncio.run(main())
