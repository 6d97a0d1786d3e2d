import asyncio


async def inside(loop):
    try:
        loop.run_until_complete(asyncio.sleep(0))
    except RuntimeError as e:
        say("RuntimeError", e)
    try:
        loop.run_forever()
    except RuntimeError as e:
        say("RuntimeError", e)
    try:
        loop.close()
    except RuntimeError as e:
        say("RuntimeError", e)
    other = new_event_loop()
    try:
        other.run_forever()
    except RuntimeError as e:
        say("RuntimeError", e)
    try:
        other.run_until_complete(other.create_future())
    except RuntimeError as e:
        say("RuntimeError", e)
    other.close()
    return "inside done"


def main():
    loop = new_event_loop()
    say(loop.run_until_complete(inside(loop)))
    other = new_event_loop()
    try:
        loop.run_until_complete(other.create_future())
    except ValueError as e:
        say("ValueError", e)
    try:
        loop.run_until_complete("blah")
    except TypeError as e:
        say("TypeError")
    other.close()
    loop.close()
    f = loop.create_future()
    say("a closed loop still makes futures:", f.done())
    for what, fn in [
        ("run_forever", loop.run_forever),
        ("run_until_complete", lambda: loop.run_until_complete(f)),
        ("call_soon", lambda: loop.call_soon(print)),
        ("call_later", lambda: loop.call_later(1, print)),
    ]:
        try:
            fn()
        except RuntimeError as e:
            say(what, "RuntimeError", e)
