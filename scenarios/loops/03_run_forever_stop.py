import asyncio


def main():
    loop = new_event_loop()

    def cb(name):
        say("callback", name)

    def later():
        say("later schedules c")
        loop.call_soon(cb, "c")

    loop.call_soon(cb, "a")
    loop.call_soon(loop.stop)
    loop.call_soon(cb, "b")
    loop.call_soon(later)
    loop.run_forever()
    say("run_forever returned at", fmt_time(loop.time()))

    loop.call_later(5, loop.stop)
    loop.call_later(3, cb, "at 3")
    loop.call_later(7, cb, "at 7")
    loop.run_forever()
    say("run_forever returned at", fmt_time(loop.time()))

    loop.stop()
    loop.call_soon(cb, "d")
    loop.run_forever()
    say("a pre-stopped run_forever returned at", fmt_time(loop.time()))

    loop.call_soon(loop.call_soon, loop.stop)
    loop.run_forever()
    say("run_forever returned at", fmt_time(loop.time()))
    loop.close()
