import asyncio


async def main():
    cond = asyncio.Condition()
    try:
        await cond.wait()
    except RuntimeError as e:
        log("wait():", type(e).__name__, e)
    try:
        cond.notify()
    except RuntimeError as e:
        log("notify():", type(e).__name__, e)
    try:
        cond.notify_all()
    except RuntimeError as e:
        log("notify_all():", type(e).__name__, e)
    try:
        await cond.wait_for(lambda: False)
    except RuntimeError as e:
        log("wait_for():", type(e).__name__, e)
    try:
        cond.release()
    except RuntimeError as e:
        log("release():", type(e).__name__, e)
    return cond.locked()
