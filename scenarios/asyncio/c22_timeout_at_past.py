import asyncio


async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(3)
    async with asyncio.timeout_at(loop.time() - 1) as cm:
        log("body without await runs to the end; when", cm.when())
    log("expired", cm.expired())
    try:
        async with asyncio.timeout_at(1) as cm:
            log("body starts")
            await asyncio.sleep(0)
            log("not printed")
    except TimeoutError:
        log("TimeoutError at", repr(loop.time()), "expired", cm.expired())
    return "ok"
