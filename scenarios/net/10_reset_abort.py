import asyncio

# transport.abort() with unread data in its receive buffer sends a reset: the peer's read raises.
async def main():
    aborted = asyncio.Event()
    async def handle(reader, writer):
        writer.transport.pause_reading()  # the client's bytes wait unread in the kernel
        await asyncio.sleep(0.5)
        writer.transport.abort()
        log("server aborted", writer.is_closing())
        aborted.set()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"unread")
    await aborted.wait()
    try:
        data = await reader.read(100)
        log("read", data)
    except ConnectionResetError as e:
        log("ConnectionResetError", e.errno == 104)
    log("is_closing", writer.is_closing())
    writer.close()
    try:
        await writer.wait_closed()
    except ConnectionResetError:
        log("wait_closed raised ConnectionResetError")
    server.close()
    await server.wait_closed()
