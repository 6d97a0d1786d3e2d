import asyncio

# readexactly(n) when EOF comes first: IncompleteReadError with the partial bytes and the expected count.
async def main():
    async def handle(reader, writer):
        writer.write(b"12345")
        await asyncio.sleep(1)
        writer.write(b"678")
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    log("exactly 3", await reader.readexactly(3))
    try:
        await reader.readexactly(10)
    except asyncio.IncompleteReadError as e:
        log("IncompleteReadError", e.partial, e.expected, e)
    log("after", await reader.read())
    try:
        await reader.readexactly(-1)
    except ValueError as e:
        log("ValueError", e)
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
