import asyncio


async def main():
    v = await asyncio.sleep(1, "value")
    log("sleep(1, 'value') ->", v)
    n = await asyncio.sleep(0, 7)
    log("sleep(0, 7) ->", n)
    none = await asyncio.sleep(1)
    log("sleep(1) ->", none)
    neg = await asyncio.sleep(-1, "negative")
    log("sleep(-1, 'negative') ->", neg)
    return v
