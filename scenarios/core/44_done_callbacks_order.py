import asyncio


def make_cb(name):
    def cb(fut):
        log(name, "sees", fut.result())
    return cb


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    cb1, cb2, cb3 = make_cb("cb1"), make_cb("cb2"), make_cb("cb3")
    fut.add_done_callback(cb1)
    fut.add_done_callback(cb2)
    fut.add_done_callback(cb3)
    fut.add_done_callback(cb2)
    log("removed cb2 ->", fut.remove_done_callback(cb2))
    fut.set_result("v")
    log("set_result done; callbacks not yet run")
    fut.add_done_callback(make_cb("late"))
    await asyncio.sleep(0)
    log("main after sleep(0)")
    await asyncio.sleep(0)
    log("main after second sleep(0)")
