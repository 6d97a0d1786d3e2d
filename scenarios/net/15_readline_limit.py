import asyncio

# readline past the limit: ValueError, and the line is dropped (up to its separator); readline at
# EOF without a newline returns the partial line.
async def main():
    async def handle(reader, writer):
        writer.write(b"short\n" + b"x" * 20 + b"\nok\ntail")
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=10)
    log("line", await reader.readline())
    try:
        await reader.readline()
    except ValueError as e:
        log("ValueError", e)
    log("line", await reader.readline())
    log("line", await reader.readline())
    log("line", await reader.readline())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
