import asyncio

# readexactly(10) gathers three writes made at different times; readline waits across chunks too.
async def main():
    async def handle(reader, writer):
        for part in (b"abc", b"defg", b"hij", b"par", b"tial\n"):
            writer.write(part)
            await asyncio.sleep(0.1)
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    log("exactly", await reader.readexactly(10))
    log("line", await reader.readline())
    log("eof", await reader.read())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
