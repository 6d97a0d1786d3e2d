import asyncio

# server.close() with a connection queued but not yet accepted: Linux resets it, so the
# client's open_connection raises ConnectionResetError (errno 104); accepted ones stay open.
async def main():
    async def handle(reader, writer):
        pass

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    pending = asyncio.create_task(asyncio.open_connection("127.0.0.1", port))
    await asyncio.sleep(0)  # the second connect() is made: queued on the listener
    server.close()
    try:
        await pending
        log("connected")
    except ConnectionResetError as e:
        log("open_connection raised ConnectionResetError", e.errno)
    log("first connection at_eof", reader.at_eof())
    writer.close()
    await writer.wait_closed()
