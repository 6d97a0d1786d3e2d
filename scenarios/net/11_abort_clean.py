import asyncio

# transport.abort() with nothing unread closes at once: the peer sees a plain EOF.
async def main():
    async def handle(reader, writer):
        writer.write(b"sent at once")  # the kernel takes it inside write()
        writer.transport.abort()
        log("server aborted")

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    log("read", await reader.read(100))
    log("read", await reader.read(100))
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
