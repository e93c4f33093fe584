// The browser build in Debian's headless Chromium (software WebGL through SwiftShader), driven
// over the Chrome DevTools Protocol with Node's own WebSocket (no npm package, no downloaded
// browser). usage: node --experimental-websocket tools/web_test.mjs BASE_URL OUT_DIR
// Writes OUT_DIR/default.png (the default view, panels hidden, particles off: for comparison
// with the native render), patient_before.png / patient_after.png (patient mode at 1024x768, a
// touch on "Leaky valves"), and OUT_DIR/figures.json (first frame, engine speed, frame time).
// Exits 1, saying why, when the page does not draw, or a touch does not select the button.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import zlib from 'node:zlib';

const [base, out] = process.argv.slice(2);
if (!base || !out) { console.error('usage: web_test.mjs BASE_URL OUT_DIR'); process.exit(2); }
fs.mkdirSync(out, { recursive: true });
const port = 9300 + (process.pid % 600);
const chrome = spawn('/usr/bin/chromium', [
  '--headless', '--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', `--user-data-dir=${out}/profile`, `--remote-debugging-port=${port}`, 'about:blank'],
  { stdio: 'ignore' });
let consoleLines = [];
const fail = (why) => {
  console.error('web test: ' + why);
  for (const l of consoleLines.slice(-15)) console.error('  page: ' + l);
  chrome.kill('SIGKILL');
  process.exit(1);
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(what, ms, probe) {
  const end = Date.now() + ms;
  for (;;) {
    try { const v = await probe(); if (v) return v; } catch { /* not yet */ }
    if (Date.now() > end) fail(`${what}: not within ${ms / 1000} s`);
    await sleep(100);
  }
}

const targets = await until('Chromium to start', 20000,
  async () => (await fetch(`http://127.0.0.1:${port}/json/list`)).json());
const ws = new WebSocket(targets.find((t) => t.type === 'page').webSocketDebuggerUrl);
await new Promise((r) => { ws.onopen = r; });
let lastId = 0;
const waiting = new Map();
ws.onmessage = (e) => {
  const m = JSON.parse(e.data);
  if (m.method === 'Runtime.consoleAPICalled')
    consoleLines.push(m.params.args.map((a) => a.value ?? a.description ?? '').join(' '));
  if (m.method === 'Runtime.exceptionThrown') consoleLines.push('exception: ' + JSON.stringify(m.params.exceptionDetails.exception?.description ?? m.params.exceptionDetails.text));
  if (m.id && waiting.has(m.id)) { waiting.get(m.id)(m); waiting.delete(m.id); }
};
const send = (method, params = {}) => new Promise((resolve, reject) => {
  const id = ++lastId;
  waiting.set(id, (m) => (m.error ? reject(new Error(`${method}: ${m.error.message}`)) : resolve(m.result)));
  ws.send(JSON.stringify({ id, method, params }));
});
const value = async (expr) => (await send('Runtime.evaluate', { expression: expr, returnByValue: true })).result.value;
const shot = async (name) => {
  const r = await send('Page.captureScreenshot', { format: 'png' });
  fs.writeFileSync(`${out}/${name}`, Buffer.from(r.data, 'base64'));
};
// One pixel of a PNG screenshot (8-bit RGB or RGBA, not interlaced), decoded with node:zlib.
function pngPixel(file, x, y) {
  const b = fs.readFileSync(file);
  let at = 8, width = 0, height = 0, channels = 0;
  const idat = [];
  while (at < b.length) {
    const len = b.readUInt32BE(at), type = b.toString('ascii', at + 4, at + 8), data = b.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') { width = data.readUInt32BE(0); height = data.readUInt32BE(4); channels = data[9] === 6 ? 4 : 3; }
    if (type === 'IDAT') idat.push(data);
    at += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat)), stride = width * channels;
  const rows = [];
  let prev = Buffer.alloc(stride);
  for (let r = 0; r <= y; ++r) {
    const f = raw[r * (stride + 1)], line = Buffer.from(raw.subarray(r * (stride + 1) + 1, (r + 1) * (stride + 1)));
    for (let i = 0; i < stride; ++i) {
      const a = i >= channels ? line[i - channels] : 0, up = prev[i], c = i >= channels ? prev[i - channels] : 0;
      const p = a + up - c, pa = Math.abs(p - a), pb = Math.abs(p - up), pc = Math.abs(p - c);
      const pred = [0, a, up, (a + up) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? up : c][f];
      line[i] = (line[i] + pred) & 255;
    }
    rows.push(line);
    prev = line;
  }
  if (x >= width || y >= height) return null;
  return Array.from(rows[y].subarray(x * channels, x * channels + 3));
}

async function open(query, width, height) {
  await send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false });
  await send('Page.navigate', { url: `${base}/index.html${query}` });
  await until('the page to draw 20 frames', 120000, async () => (await value('window.venavizFrames || 0')) > 20);
}

await send('Page.enable');
await send('Runtime.enable');
await send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });

// 1. The default view, as the native render draws it (no panels, no particles).
await open('?do=' + encodeURIComponent('toggle_ui; particles off; pause'), 1024, 768);
await sleep(500);
await shot('default.png');
const figures = {
  firstFrameMs: await value('window.venavizFirstFrameMs'),
};

// 2. The default scene running with its panels: the engine's speed and the frame time.
await open('', 1024, 768);
const t0 = await value('performance.now()'), f0 = await value('window.venavizFrames');
const e0 = await value('window.venavizEngineMs'), s0 = await value('window.venavizSimSeconds');
await sleep(5000);
const t1 = await value('performance.now()'), f1 = await value('window.venavizFrames');
const e1 = await value('window.venavizEngineMs'), s1 = await value('window.venavizSimSeconds');
figures.frameMs = (t1 - t0) / Math.max(1, f1 - f0);
figures.engineRealTime = (s1 - s0) / Math.max(1e-6, (e1 - e0) / 1000);  // simulated s per engine s
await shot('default_ui.png');

// 3. Patient mode at 1024x768, driven by a touch: "Leaky valves" (the second button).
await open('?patient', 1024, 768);
await sleep(300);
await shot('patient_before.png');
const at = { x: 150, y: 166 };  // the button's middle in patient mode's layout at 1024x768, UI scale 1
const before = pngPixel(`${out}/patient_before.png`, at.x + 100, at.y + 17);
await send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at] });
await sleep(150);
await send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
await sleep(1500);
await shot('patient_after.png');
const after = pngPixel(`${out}/patient_after.png`, at.x + 100, at.y + 17);
figures.buttonBefore = before;
figures.buttonAfter = after;
// 4. Two fingers moving apart zoom in (the page turns the pinch into wheel steps).
const p0 = [{ x: 480, y: 420, id: 1 }, { x: 540, y: 420, id: 2 }];
await send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: p0 });
for (let k = 1; k <= 8; ++k) {
  await sleep(60);
  await send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [
    { x: 480 - 20 * k, y: 420, id: 1 }, { x: 540 + 20 * k, y: 420, id: 2 }] });
}
await send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
await sleep(1500);
await shot('patient_pinched.png');

// 5. A 2x screen: the canvas holds the device's pixels and the UI scale follows.
await send('Emulation.setDeviceMetricsOverride', { width: 800, height: 600, deviceScaleFactor: 2, mobile: true });
await send('Page.navigate', { url: `${base}/index.html?patient` });
await until('the 2x page to draw', 120000, async () => (await value('window.venavizFrames || 0')) > 20);
figures.canvas2x = await value(`[document.getElementById('canvas').width, document.getElementById('canvas').height]`);
await shot('patient_2x.png');
if (figures.canvas2x[0] !== 1600 || figures.canvas2x[1] !== 1200)
  fail(`at devicePixelRatio 2 the canvas is ${figures.canvas2x}, expected 1600,1200`);

fs.writeFileSync(`${out}/figures.json`, JSON.stringify(figures, null, 1) + '\n');
console.log(JSON.stringify(figures));
// The chosen button turns blue (0, 114, 178; lighter while the finger's pointer rests on it):
// the touch reached it and the app changed its state.
const bluer = before && after && after[2] - before[2] > 30 && after[1] - before[1] > 25;
if (!bluer) fail(`a touch on "Leaky valves" did not choose it: the pixel went from ${before} to ${after}`);
chrome.kill('SIGKILL');
process.exit(0);
