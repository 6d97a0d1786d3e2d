import asyncio


async def precious():
    log("precious starts")
    await asyncio.sleep(3)
    log("precious finishes")
    return "saved"


async def caller(inner):
    try:
        return await asyncio.shield(inner)
    except asyncio.CancelledError:
        log("caller cancelled; inner done?", inner.done())
        raise


async def main():
    inner = asyncio.create_task(precious(), name="precious")
    c = asyncio.create_task(caller(inner), name="caller")
    await asyncio.sleep(1)
    log("cancel caller ->", c.cancel())
    await asyncio.sleep(0)
    log("caller cancelled", c.cancelled(), "inner cancelled", inner.cancelled())
    r = await inner
    log("inner result", r)
    return r
