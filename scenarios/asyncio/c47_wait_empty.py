import asyncio


async def main():
    try:
        await asyncio.wait([])
    except ValueError:
        log("wait([]) raised ValueError")
    await asyncio.sleep(1)
    return "ok"
