import asyncio


async def count(name, n):
    for i in range(n):
        await asyncio.sleep(1)
    say(name, "counted to", n)
    return n


def main():
    a = new_event_loop()
    b = new_event_loop()
    ta = a.create_task(count("a", 3))
    tb = b.create_task(count("b", 2))
    a.run_until_complete(asyncio.sleep(1.5))
    say("a at", fmt_time(a.time()), "b at", fmt_time(b.time()))
    say("b:", b.run_until_complete(tb))
    say("a:", a.run_until_complete(ta))
    say("a at", fmt_time(a.time()), "b at", fmt_time(b.time()), "tasks", ta.get_name(), tb.get_name())
    a.close()
    b.close()
