import asyncio

# A connection accepted in one iteration, and the server closed in the next, before the
# accept's task (_accept_connection2) has taken its first step: making the transport asserts
# that the server is open (Server._attach), so no transport and no handler task. (Found by
# the fuzzer: the handler task that vloop made used up a Task-<n> name.) The accepted socket
# is left to the garbage collector (a reference cycle through the traceback), so the late
# client does not read here: when it would see EOF is the collector's business.
async def main():
    async def handle(reader, writer):
        log("handler starts")

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]

    kept = []  # CPython 3.12 closes a StreamWriter that is garbage collected: keep it

    async def late_client():
        kept.append(await asyncio.open_connection("127.0.0.1", port))
        log("late client connected")

    async def spawner():
        # starts connecting one iteration after main does
        asyncio.create_task(late_client(), name="late")

    asyncio.create_task(spawner(), name="spawner")
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    log("main connected")
    server.close()
    log("server closed")
    await asyncio.sleep(1)
    log("a new task is", asyncio.create_task(asyncio.sleep(0)).get_name())
    writer.close()
    await writer.wait_closed()
