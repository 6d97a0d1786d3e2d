import asyncio


async def sleeper(name, fired):
    await asyncio.sleep(1)
    fired.append(name)


async def main():
    # n tasks sleep(1) from the same instant: n timers with one deadline.
    for n in (2, 3, 4, 5, 6):
        fired = []
        await asyncio.gather(*(sleeper(f"t{i}", fired) for i in range(n)))
        log(n, "tied timers fire:", " ".join(fired))
