import asyncio


async def main():
    loop = asyncio.get_running_loop()
    now_at_call = []
    woke = []

    async def sleeper(i):
        now_at_call.append(loop.time())  # sleep(0.1)'s deadline is this reading + 0.1
        await asyncio.sleep(0.1)
        woke.append(i)

    await asyncio.gather(*(sleeper(i) for i in range(12)))
    print("different deadlines:", len(set(now_at_call)), "of", len(now_at_call))
    print("woke:", woke)


asyncio.run(main())
