import asyncio

# After EOF: read() and readline() return b'', readexactly(0) returns b'' and at_eof() is true.
async def main():
    async def handle(reader, writer):
        writer.write(b"last line\n")
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    log("readline", await reader.readline())
    log("readline", await reader.readline())
    log("at_eof", reader.at_eof())
    log("read", await reader.read(5))
    log("read -1", await reader.read())
    log("readexactly 0", await reader.readexactly(0))
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
