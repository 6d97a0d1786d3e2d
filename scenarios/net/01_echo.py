import asyncio

# A stream echo server and one client: one line there and back, then both close.
async def main():
    async def handle(reader, writer):
        data = await reader.readline()
        log("server got", data)
        writer.write(data)
        await writer.drain()
        writer.close()
        await writer.wait_closed()
        log("server closed")

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"hello\n")
    await writer.drain()
    log("client got", await reader.readline())
    log("then", await reader.read(100))
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    return "done"
