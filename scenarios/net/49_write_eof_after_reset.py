import asyncio

# The server closes with the client's bytes unread: a reset. The client's write_eof() then
# calls shutdown(SHUT_WR) on a reset socket, which Linux refuses with ENOTCONN: an OSError
# (errno 107) out of write_eof() itself. (Found by the fuzzer.)
async def main():
    async def handle(reader, writer):
        writer.close()
        await writer.wait_closed()
        log("server closed")

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"unread")
    await asyncio.sleep(0)
    try:
        writer.write_eof()
        log("write_eof returned")
    except OSError as e:
        log("write_eof", type(e).__name__, e.errno, e)
    try:
        log("client read", await reader.read())
    except Exception as e:
        log("read", type(e).__name__, e)
    writer.close()
    try:
        await writer.wait_closed()
    except Exception as e:
        log("wait_closed", type(e).__name__, e)
    server.close()
    await server.wait_closed()
