import asyncio

# server.close() stops accepting but leaves open connections alone; wait_closed() returns only
# once the last connection is closed.
async def main():
    writers = []
    async def handle(reader, writer):
        writers.append(writer)
        log("server got", await reader.readline())
        writer.write(b"still here\n")

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    clients = [await asyncio.open_connection("127.0.0.1", port) for _ in range(2)]
    server.close()
    log("is_serving", server.is_serving())

    async def closer():
        await asyncio.sleep(1)
        for w in writers:
            w.close()
            log("server closed one connection")
    asyncio.create_task(closer())
    for i, (r, w) in enumerate(clients):
        w.write(b"hi %d\n" % i)
        log("client", i, await r.readline())
    await server.wait_closed()
    log("wait_closed returned")
    for r, w in clients:
        log("client reads", await r.read())
        w.close()
    return "done"
