import asyncio

# start_server(start_serving=False): the socket is bound but not listening, so connecting is refused
# until start_serving().
async def main():
    async def handle(reader, writer):
        log("handler")
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0, start_serving=False)
    port = server.sockets[0].getsockname()[1]
    log("is_serving", server.is_serving())
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError:
        log("refused")
    await server.start_serving()
    log("is_serving", server.is_serving())
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    log("read", await reader.read())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
