import asyncio

# The server closes at once; the client reads the EOF (its socket is in CLOSE_WAIT), then
# writes: the server's kernel answers with a reset, and Linux reports a reset received in
# CLOSE_WAIT as EPIPE, not ECONNRESET: the next write fails with BrokenPipeError, and
# the stream's reader and wait_closed() have that error too. (Found by the fuzzer.)
async def main():
    async def handle(reader, writer):
        writer.close()
        await writer.wait_closed()
        log("server closed")

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    log("client reads", await reader.read())
    start = iteration()
    writer.write(b"one")
    await writer.drain()
    log("first write and drain: no error yet", iteration() - start)
    await asyncio.sleep(0)
    writer.write(b"two")
    log("second write: is_closing", writer.is_closing())
    try:
        await writer.drain()
    except Exception as e:
        log("drain", type(e).__name__, e)
    try:
        await reader.read()
    except Exception as e:
        log("read", type(e).__name__, e)
    try:
        await writer.wait_closed()
    except Exception as e:
        log("wait_closed", type(e).__name__, e)
    server.close()
    await server.wait_closed()
