import asyncio

# write() after close() is silently dropped; write() after write_eof() is a RuntimeError;
# drain() after close() returns (or raises once the connection is lost).
async def main():
    async def handle(reader, writer):
        log("server got", await reader.read())
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"kept")
    writer.close()
    writer.write(b"dropped")
    log("is_closing", writer.is_closing())
    try:
        await writer.drain()
        log("drain returned")
    except ConnectionResetError as e:
        log("drain raised", type(e).__name__)
    await writer.wait_closed()
    try:
        await writer.drain()
        log("drain returned")
    except ConnectionResetError as e:
        log("drain raised", type(e).__name__, e)
    await asyncio.sleep(0.5)
    server.close()
    await server.wait_closed()
