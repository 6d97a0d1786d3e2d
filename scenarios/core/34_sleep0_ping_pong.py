import asyncio

counter = 0


async def player(name):
    global counter
    for _ in range(3):
        counter += 1
        log(name, counter)
        await asyncio.sleep(0)


async def main():
    global counter
    counter = 0
    ping = asyncio.create_task(player("ping"))
    pong = asyncio.create_task(player("pong"))
    await ping
    await pong
    log("final", counter)
    return counter
