/**
 * The simulated kernel's UDP sockets, against what CPython 3.12 printed with
 * real sockets on Linux loopback (the program is in the comment of each test).
 */
import { describe, expect, test } from "vitest";
import { ConnectionRefusedError, OSError } from "../errors.js";
import { Kernel, WouldBlock } from "./kernel.js";
import { UdpSocket } from "./udp.js";

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

function bound(kernel: Kernel): UdpSocket {
  const s = UdpSocket.create(kernel);
  s.bind(["127.0.0.1", 0]);
  return s;
}

describe("UDP sockets", () => {
  test("a connected socket takes datagrams from its peer only; recvfrom cuts a datagram to n and drops the rest", () => {
    // a.connect(b); c.sendto(b"from c", a); b.sendto(b"from b", a)
    // CPython: (b'from b', ('127.0.0.1', B)), then BlockingIOError;
    // b.sendto(b"0123456789", a); a.recvfrom(4) -> b'0123', then BlockingIOError
    const k = new Kernel();
    const [a, b, c] = [bound(k), bound(k), bound(k)];
    a.connect(b.getsockname());
    c.sendto(bytes("from c"), a.getsockname());
    b.sendto(bytes("from b"), a.getsockname());
    const [data, from] = a.recvfrom(100);
    expect([text(data), from]).toEqual(["from b", b.getsockname()]);
    expect(() => a.recvfrom(100)).toThrow(WouldBlock);
    b.sendto(bytes("0123456789"), a.getsockname());
    expect(text(a.recvfrom(4)[0])).toBe("0123");
    expect(() => a.recvfrom(100)).toThrow(WouldBlock);
  });

  test("an unbound socket's first sendto binds it to 0.0.0.0; the receiver sees 127.0.0.1", () => {
    // d = socket(SOCK_DGRAM); d.sendto(b"x", c); d.getsockname()[0] -> '0.0.0.0'; c.recvfrom(10)[1][0] -> '127.0.0.1'
    const k = new Kernel();
    const c = bound(k);
    const d = UdpSocket.create(k);
    d.sendto(bytes("x"), c.getsockname());
    expect(d.getsockname()[0]).toBe("0.0.0.0");
    expect(c.recvfrom(10)[1]).toEqual(["127.0.0.1", d.getsockname()[1]]);
  });

  test("to a port where nothing is bound: ECONNREFUSED once on a connected socket's next recvfrom, nothing on an unconnected one", () => {
    // scenarios/net/43_datagram_refused.py
    const k = new Kernel();
    const dead = bound(k);
    const port = dead.getsockname()[1];
    dead.close();
    const conn = UdpSocket.create(k);
    conn.connect(["127.0.0.1", port]);
    conn.send(bytes("hello"));
    const err = (() => {
      try {
        conn.recvfrom(100);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ConnectionRefusedError);
    expect((err as OSError).message).toBe("[Errno 111] Connection refused");
    expect(() => conn.recvfrom(100)).toThrow(WouldBlock);
    const free = bound(k);
    free.sendto(bytes("hello"), ["127.0.0.1", port]);
    expect(() => free.recvfrom(100)).toThrow(WouldBlock);
  });

  test("UDP ports are their own namespace: a UDP and a TCP socket may hold one port; two UDP sockets may not", () => {
    const k = new Kernel();
    const t = k.socket();
    t.bind(["127.0.0.1", 0]);
    const port = t.getsockname()[1];
    const u = UdpSocket.create(k);
    u.bind(["127.0.0.1", port]);
    expect(u.getsockname()[1]).toBe(port);
    expect(() => UdpSocket.create(k).bind(["127.0.0.1", port])).toThrow("[Errno 98] Address already in use");
    expect(() => u.listen()).toThrow("[Errno 95] Operation not supported");
    expect(() => UdpSocket.create(k).send(bytes("x"))).toThrow("[Errno 89] Destination address required");
  });
});
