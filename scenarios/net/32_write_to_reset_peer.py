import asyncio

# Writing to a peer that has reset the connection: the first write succeeds, the reset arrives,
# then drain() raises ConnectionResetError.
async def main():
    async def handle(reader, writer):
        writer.transport.pause_reading()
        await asyncio.sleep(0.5)
        writer.transport.abort()  # unread bytes: a reset

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"first")
    await asyncio.sleep(1)
    writer.write(b"second")
    try:
        await writer.drain()
        log("drain returned")
    except ConnectionResetError as e:
        log("ConnectionResetError", e.errno)
    try:
        await writer.drain()
    except ConnectionResetError as e:
        log("again", type(e).__name__)
    log("at_eof", reader.at_eof(), "exception", type(reader.exception()).__name__)
    writer.close()
    server.close()
    await server.wait_closed()
