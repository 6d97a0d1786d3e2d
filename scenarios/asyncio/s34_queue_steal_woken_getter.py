import asyncio


async def getter(q, name):
    item = await q.get()
    log(name, "got", item)
    return item


async def main():
    q = asyncio.Queue()
    g1 = asyncio.create_task(getter(q, "G1"), name="G1")
    g2 = asyncio.create_task(getter(q, "G2"), name="G2")
    await asyncio.sleep(0)
    q.put_nowait("x")
    stolen = q.get_nowait()
    log("main stole", stolen, "from the woken G1")
    await asyncio.sleep(0)
    log("G1 went back to waiting, now behind G2")
    q.put_nowait("y")
    q.put_nowait("z")
    return await asyncio.gather(g1, g2)
