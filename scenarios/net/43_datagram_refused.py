import asyncio

# Datagrams to a port where nothing listens. A connected endpoint gets ConnectionRefusedError through
# error_received (Linux reports the ICMP port unreachable on a connected socket) and stays open;
# an unconnected endpoint hears nothing.
class Client(asyncio.DatagramProtocol):
    def __init__(self, name):
        self.name = name
    def datagram_received(self, data, addr):
        log(self.name, "got", data)
    def error_received(self, exc):
        log(self.name, "error_received", type(exc).__name__, exc, iteration())
    def connection_lost(self, exc):
        log(self.name, "connection_lost", exc, iteration())

async def main():
    loop = asyncio.get_running_loop()
    # a port that was just free: bind, read the port, close
    probe, _ = await loop.create_datagram_endpoint(asyncio.DatagramProtocol, local_addr=("127.0.0.1", 0))
    dead = probe.get_extra_info("sockname")
    probe.close()
    await asyncio.sleep(0)
    conn, _ = await loop.create_datagram_endpoint(lambda: Client("connected"), remote_addr=dead)
    free, _ = await loop.create_datagram_endpoint(lambda: Client("free"), local_addr=("127.0.0.1", 0))
    log("send at", iteration())
    conn.sendto(b"hello")
    free.sendto(b"hello", dead)
    await asyncio.sleep(1)
    log("after 1s is_closing", conn.is_closing(), iteration())
    conn.sendto(b"again")
    await asyncio.sleep(1)
    conn.close()
    free.close()
    await asyncio.sleep(0)
