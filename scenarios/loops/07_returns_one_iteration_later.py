import asyncio


async def quick():
    say("quick returns")
    return 1


async def chatter():
    for i in range(5):
        say("chatter", i)
        await asyncio.sleep(0)


def main():
    loop = new_event_loop()
    loop.create_task(chatter())
    say("run_until_complete(quick()) returned", loop.run_until_complete(quick()))
    fut = loop.create_future()
    loop.call_later(1, fut.set_result, "x")
    say("run_until_complete(fut) returned", loop.run_until_complete(fut), "at", fmt_time(loop.time()))
    done = loop.create_future()
    done.set_result("already")
    say("a done future:", loop.run_until_complete(done))
    loop.close()
