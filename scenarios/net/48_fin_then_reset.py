import asyncio

# The server sends its FIN (write_eof), then closes with the client's request unread, which
# resets the connection. The client's socket had the FIN first: Linux's recv() reports the
# end of the stream (b'') before any error once a FIN has arrived, so readline() returns
# b'' rather than raising ConnectionResetError. (Found by the fuzzer.)
async def main():
    async def handle(reader, writer):
        writer.write_eof()
        writer.close()
        await writer.wait_closed()
        log("server closed")

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"hello\n")
    log("client readline", await reader.readline())
    log("at_eof", reader.at_eof(), "exception", reader.exception())
    writer.close()
    await writer.wait_closed()
    log("client closed")
    server.close()
    await server.wait_closed()
