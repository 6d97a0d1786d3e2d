import asyncio


def now():
    return repr(asyncio.get_running_loop().time())


async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(0.1)
    log("start at", now())
    # Ten days and 5e-10 s from t=0.1: nine idle iterations of now = now + 86400
    # (each a rounded float sum: 0.1 has no exact binary value), then a tenth
    # capped wait after which the deadline is within the 1e-9 resolution: the
    # timer runs at the clock's ten-fold sum, not at its own deadline.
    fut = loop.create_future()
    when = loop.time() + 10 * 86400 + 5e-10
    loop.call_at(when, fut.set_result, None)
    await fut
    log("woke at", now(), "deadline", repr(when))
    # Eighty days and a quarter: eighty idle iterations, then the clock lands
    # on the deadline itself. (Under 2**24 s: past that, now + 1e-9 rounds back
    # to now, and on a virtual clock CPython never lets a deadline it landed
    # on fall due; vloop does, see loop/baseEventLoop.ts.)
    await asyncio.sleep(80 * 86400 + 0.25)
    log("after 80 days at", now())
