import asyncio


async def work():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log("inner cancelled")
        raise


async def waiter(inner):
    try:
        await asyncio.wait_for(inner, timeout=5)
    except asyncio.CancelledError:
        log("waiter got CancelledError")
        raise
    except TimeoutError:
        log("waiter got TimeoutError")  # not printed


async def main():
    inner = asyncio.create_task(work(), name="inner")
    w = asyncio.create_task(waiter(inner), name="waiter")
    await asyncio.sleep(1)
    log("cancel waiter ->", w.cancel())
    try:
        await w
    except asyncio.CancelledError:
        log("waiter cancelled", w.cancelled(), "inner cancelled", inner.cancelled())
    await asyncio.sleep(10)
    log("no timeout fired")
    return "ok"
