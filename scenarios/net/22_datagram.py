import asyncio

# A datagram echo: create_datagram_endpoint on both sides; each sendto is one datagram_received.
class EchoServer(asyncio.DatagramProtocol):
    def connection_made(self, transport):
        self.transport = transport
    def datagram_received(self, data, addr):
        log("server got", data, iteration())
        self.transport.sendto(data.upper(), addr)

class Client(asyncio.DatagramProtocol):
    def __init__(self):
        self.got = asyncio.Queue()
    def datagram_received(self, data, addr):
        log("client got", data, iteration())
        self.got.put_nowait(data)
    def connection_lost(self, exc):
        log("client connection_lost", exc)

async def main():
    loop = asyncio.get_running_loop()
    server, _ = await loop.create_datagram_endpoint(EchoServer, local_addr=("127.0.0.1", 0))
    addr = server.get_extra_info("sockname")
    client, proto = await loop.create_datagram_endpoint(Client, remote_addr=addr)
    log("sending at", iteration())
    client.sendto(b"one")
    client.sendto(b"two")
    replies = [await proto.got.get(), await proto.got.get()]
    log("replies at", iteration())
    client.close()
    server.close()
    await asyncio.sleep(0)
    return [r.decode() for r in replies]
