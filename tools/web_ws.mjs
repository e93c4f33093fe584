// A WebSocket client for the DevTools protocol of a local Chromium, on node:net alone, so the
// browser test runs on any Node from Debian 12's 18 on (Node's own WebSocket needs 22, or 20.10
// with a flag). Text frames only, as the protocol sends; masked frames out, as RFC 6455 asks.
// connectWs(url) resolves to { send(text), close(), onmessage({data}), onclose() }.
import crypto from 'node:crypto';
import net from 'node:net';

export function connectWs(url) {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const sock = net.connect(Number(u.port), u.hostname);
    const client = { onmessage: null, onclose: null };
    let buf = Buffer.alloc(0), open = false, parts = [];
    const frame = (op, payload) => {
      const n = payload.length, mask = crypto.randomBytes(4);
      const head = n < 126 ? Buffer.from([0x80 | op, 0x80 | n])
        : n < 65536 ? Buffer.from([0x80 | op, 0x80 | 126, n >> 8, n & 255])
          : Buffer.concat([Buffer.from([0x80 | op, 0x80 | 127]), (() => { const b = Buffer.alloc(8); b.writeBigUInt64BE(BigInt(n)); return b; })()]);
      const body = Buffer.from(payload);
      for (let i = 0; i < n; ++i) body[i] ^= mask[i & 3];
      sock.write(Buffer.concat([head, mask, body]));
    };
    client.send = (text) => frame(0x1, Buffer.from(text, 'utf8'));
    client.close = () => { try { frame(0x8, Buffer.alloc(0)); } catch { /* gone */ } sock.end(); };
    sock.on('connect', () => sock.write(
      `GET ${u.pathname}${u.search} HTTP/1.1\r\nHost: ${u.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${crypto.randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`));
    sock.on('data', (d) => {
      buf = buf.length ? Buffer.concat([buf, d]) : d;
      if (!open) {
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const status = buf.subarray(0, end).toString().split('\r\n')[0];
        if (!/^HTTP\/1\.1 101/.test(status)) { sock.destroy(); reject(new Error(`WebSocket handshake: ${status}`)); return; }
        buf = buf.subarray(end + 4);
        open = true;
        resolve(client);
      }
      for (;;) {  // whole frames from the front of the buffer (the server's are not masked)
        if (buf.length < 2) return;
        const fin = buf[0] & 0x80, op = buf[0] & 0x0f;
        let len = buf[1] & 0x7f, at = 2;
        if (len === 126) { if (buf.length < 4) return; len = buf.readUInt16BE(2); at = 4; }
        else if (len === 127) { if (buf.length < 10) return; len = Number(buf.readBigUInt64BE(2)); at = 10; }
        if (buf.length < at + len) return;
        const payload = buf.subarray(at, at + len);
        buf = buf.subarray(at + len);
        if (op === 0x8) { sock.end(); return; }
        if (op === 0x9) { frame(0xA, payload); continue; }
        if (op === 0x1 || op === 0x0) {
          parts.push(Buffer.from(payload));
          if (fin) { const text = Buffer.concat(parts).toString('utf8'); parts = []; client.onmessage?.({ data: text }); }
        }
      }
    });
    sock.on('error', (e) => { if (!open) reject(e); });
    sock.on('close', () => { if (open) client.onclose?.(); });
  });
}
