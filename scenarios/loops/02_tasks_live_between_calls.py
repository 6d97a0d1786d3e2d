import asyncio


async def ticker():
    for i in range(5):
        say("tick", i)
        await asyncio.sleep(1)
    return "ticker done"


def main():
    loop = new_event_loop()
    t = loop.create_task(ticker())
    say("created", t.get_name(), "done", t.done())
    loop.run_until_complete(asyncio.sleep(2.5))
    say("first call returned at", fmt_time(loop.time()), "ticker done", t.done())
    say("second call returned", loop.run_until_complete(t), "at", fmt_time(loop.time()))
    loop.close()
