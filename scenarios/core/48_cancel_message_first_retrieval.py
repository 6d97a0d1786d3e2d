import asyncio


async def nap():
    await asyncio.sleep(10)


async def main():
    t1 = asyncio.create_task(nap())
    t2 = asyncio.create_task(nap())
    await asyncio.sleep(1)
    t1.cancel("bye")
    t2.cancel("bye")
    await asyncio.sleep(0)
    # The task keeps the CancelledError it ended with and hands that very
    # object to the first result()/await; later ones get a new, empty one.
    for i in range(2):
        try:
            await t1
        except asyncio.CancelledError as e:
            log("await t1 #", i, "message: [" + str(e) + "]")
    # gather builds its own CancelledError from the task's cancel message,
    # which Future.cancel() reset to None when the task finished.
    results = await asyncio.gather(t2, return_exceptions=True)
    log("gather(t2) message: [" + str(results[0]) + "]")
    try:
        await t2
    except asyncio.CancelledError as e:
        log("then await t2 message: [" + str(e) + "]")
