import asyncio


async def other():
    log("other runs")


async def main():
    asyncio.create_task(other())
    results = await asyncio.gather()
    # gather() with no arguments returns a done future: no suspension, so
    # this line comes before "other runs".
    log("empty gather:", results)
    await asyncio.sleep(0)
    log("after sleep(0)")
    return results
