import asyncio


async def player(name, shots):
    for i in range(shots):
        log(name, "shot", i)
        await asyncio.sleep(0)


async def main():
    ping = asyncio.create_task(player("ping", 3), name="ping")
    pong = asyncio.create_task(player("pong", 3), name="pong")
    await ping
    await pong
