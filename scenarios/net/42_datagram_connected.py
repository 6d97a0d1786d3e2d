import asyncio

# Connected and unconnected datagram endpoints: the peername each sees, sendto with and without an
# address, the ValueError for another address on a connected endpoint, and the iteration of each
# datagram_received.
class Recorder(asyncio.DatagramProtocol):
    def __init__(self, name):
        self.name = name
    def connection_made(self, transport):
        log(self.name, "connection_made", iteration())
    def datagram_received(self, data, addr):
        log(self.name, "got", data, "from known", addr in known, iteration())
    def error_received(self, exc):
        log(self.name, "error_received", exc)
    def connection_lost(self, exc):
        log(self.name, "connection_lost", exc, iteration())

known = []

async def main():
    loop = asyncio.get_running_loop()
    n = iteration()
    server, _ = await loop.create_datagram_endpoint(lambda: Recorder("server"), local_addr=("127.0.0.1", 0))
    log("local endpoint took", iteration() - n)
    addr = server.get_extra_info("sockname")
    log("server sockname host", addr[0], "peername", server.get_extra_info("peername"))
    n = iteration()
    conn, _ = await loop.create_datagram_endpoint(lambda: Recorder("connected"), remote_addr=addr)
    log("remote endpoint took", iteration() - n)
    log("connected peername is server", conn.get_extra_info("peername") == addr)
    free, _ = await loop.create_datagram_endpoint(lambda: Recorder("free"), local_addr=("127.0.0.1", 0))
    known.extend([conn.get_extra_info("sockname"), free.get_extra_info("sockname")])
    log("write buffer size", conn.get_write_buffer_size(), "is_closing", conn.is_closing())
    log("sending at", iteration())
    conn.sendto(b"c1")
    conn.sendto(b"c2", addr)
    free.sendto(b"f1", addr)
    try:
        conn.sendto(b"x", ("127.0.0.1", 1))
    except ValueError as e:
        log("ValueError", str(e).split(":")[0])
    try:
        conn.sendto("text")
    except TypeError as e:
        log("TypeError", e)
    conn.sendto(b"")
    await asyncio.sleep(0.1)
    server.sendto(b"back", known[1])
    server.sendto(b"back", known[0])
    await asyncio.sleep(0.1)
    conn.close()
    log("closed is_closing", conn.is_closing())
    conn.sendto(b"after close")
    free.abort()
    server.close()
    await asyncio.sleep(0)
    log("done", iteration())
