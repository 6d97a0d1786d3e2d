import asyncio

# serve_forever() runs until cancelled; cancelling it closes the server.
async def main():
    async def handle(reader, writer):
        writer.write(await reader.readline())
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    task = asyncio.create_task(server.serve_forever())
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"ping\n")
    log("echo", await reader.readline())
    writer.close()
    await writer.wait_closed()
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        log("serve_forever cancelled")
    log("is_serving", server.is_serving())
    await server.wait_closed()
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError:
        log("now refused")
    return "done"
