import asyncio


async def stopper():
    say("stopping the loop")
    asyncio.get_running_loop().stop()
    await asyncio.sleep(1)
    say("stopper resumed")
    return "ok"


def main():
    loop = new_event_loop()
    t = loop.create_task(stopper())
    try:
        loop.run_until_complete(t)
    except RuntimeError as e:
        say("RuntimeError", e)
    say("task done", t.done(), "at", fmt_time(loop.time()))
    say("again:", loop.run_until_complete(t), "at", fmt_time(loop.time()))
    loop.close()
