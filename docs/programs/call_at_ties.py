import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fired = []
    when = loop.time() + 0.1  # one deadline, read once, for all twelve timers
    for i in range(12):
        loop.call_at(when, fired.append, i)
    await asyncio.sleep(0.2)
    print("fired:", fired)


asyncio.run(main())
