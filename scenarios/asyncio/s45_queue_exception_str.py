import asyncio


async def main():
    q = asyncio.Queue(1)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        log(type(e).__name__, "str(e) =", repr(str(e)))
    q.put_nowait(0)
    try:
        q.put_nowait(1)
    except asyncio.QueueFull as e:
        log(type(e).__name__, "str(e) =", repr(str(e)))
    b = asyncio.Barrier(2)
    await b.abort()
    try:
        await b.wait()
    except asyncio.BrokenBarrierError as e:
        log(type(e).__name__, "str(e) =", repr(str(e)))
