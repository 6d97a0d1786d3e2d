import asyncio


async def work(x):
    say("work", x, "starts, loop running:", asyncio.get_running_loop().is_running())
    await asyncio.sleep(1)
    say("work", x, "ends")
    return x * 2


def main():
    loop = new_event_loop()
    say("new loop: running", loop.is_running(), "closed", loop.is_closed(), "time", fmt_time(loop.time()))
    say("result", loop.run_until_complete(work(21)), "time", fmt_time(loop.time()), "running", loop.is_running())
    say("result", loop.run_until_complete(work(1)), "time", fmt_time(loop.time()))
    loop.close()
    say("closed", loop.is_closed())
    loop.close()
    say("closing again is allowed", loop.is_closed())
