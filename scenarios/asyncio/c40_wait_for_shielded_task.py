import asyncio


async def slow():
    await asyncio.sleep(3)
    log("slow finishes")
    return "slow value"


async def main():
    t = asyncio.create_task(slow(), name="slow")
    try:
        await asyncio.wait_for(asyncio.shield(t), timeout=1)
    except TimeoutError:
        log("TimeoutError; task cancelled?", t.cancelled())
    done, pending = await asyncio.wait([t], timeout=1)
    log("after wait(timeout=1):", len(done), len(pending))
    r = await asyncio.wait_for(t, timeout=5)
    log("got", r)
    return r
