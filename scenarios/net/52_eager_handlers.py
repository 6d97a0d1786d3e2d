import asyncio

# With eager tasks, the server's accept task and each connection's handler task
# start eagerly: the handler runs up to its first read inside the accept.
async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)

    async def handle(reader, writer):
        log("handler starts in", asyncio.current_task().get_name(), "at", iteration())
        data = await reader.readline()
        log("server got", data, "at", iteration())
        writer.write(data.upper())
        await writer.drain()
        writer.close()
        await writer.wait_closed()
        log("server closed at", iteration())

    async def client(n):
        log("client", n, "connects at", iteration())
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        log("client", n, "connected at", iteration())
        writer.write(b"hello %d\n" % n)
        await writer.drain()
        log("client", n, "got", await reader.readline(), "at", iteration())
        writer.close()
        await writer.wait_closed()
        return n

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    log("gather ->", await asyncio.gather(client(1), client(2)))
    server.close()
    await server.wait_closed()
    return "done"
