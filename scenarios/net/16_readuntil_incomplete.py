import asyncio

# readuntil when EOF comes before the separator: IncompleteReadError, expected None, buffer emptied.
async def main():
    async def handle(reader, writer):
        writer.write(b"a;b;no-separator")
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    log("until", await reader.readuntil(b";"))
    log("until", await reader.readuntil(b";"))
    try:
        await reader.readuntil(b";")
    except asyncio.IncompleteReadError as e:
        log("IncompleteReadError", e.partial, e.expected, e)
    log("rest", await reader.read())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
