// The browser build in Debian's headless Chromium (software WebGL through SwiftShader), driven
// over the Chrome DevTools Protocol (tools/web_ws.mjs: no npm package, no downloaded browser).
// usage: node tools/web_test.mjs BASE_URL OUT_DIR [SERVER_PID]
// Writes OUT_DIR/default.png (the default view, panels hidden, particles off: for comparison
// with the native render), patient_before.png / patient_after.png (patient mode at 1024x768, a
// touch on "Leaky valves"), and OUT_DIR/figures.json (first frame, engine speed, frame time).
// With SERVER_PID (the web server's process), it then stops the server and loads the page
// again: it must come from the service worker's cache (offline after the first visit).
// Exits 1, saying why, when the page does not draw, a touch does not select the button, a
// resize leaves the canvas stretched, a setting is not kept, or the page does not load offline.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { connectWs } from './web_ws.mjs';

const [base, out, serverPid] = process.argv.slice(2);
if (!base || !out) { console.error('usage: web_test.mjs BASE_URL OUT_DIR [SERVER_PID]'); process.exit(2); }
fs.mkdirSync(out, { recursive: true });
// Port 0: Chromium picks a free one and writes it to DevToolsActivePort in its profile.
fs.rmSync(`${out}/profile`, { recursive: true, force: true });
const chrome = spawn('/usr/bin/chromium', [
  '--headless', '--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', `--user-data-dir=${out}/profile`, '--remote-debugging-port=0', 'about:blank'],
  { stdio: 'ignore' });
process.on('exit', () => chrome.kill('SIGKILL'));  // never leave a browser behind
let consoleLines = [];
const fail = (why) => {
  console.error('web test: ' + why);
  for (const l of consoleLines.slice(-15)) console.error('  page: ' + l);
  process.exit(1);
};
process.on('unhandledRejection', (e) => fail(`unexpected: ${e?.stack ?? e}`));
chrome.on('exit', (code) => fail(`Chromium ended (exit code ${code})`));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(what, ms, probe) {
  const end = Date.now() + ms;
  for (;;) {
    try { const v = await probe(); if (v) return v; } catch { /* not yet */ }
    if (Date.now() > end) fail(`${what}: not within ${ms / 1000} s`);
    await sleep(100);
  }
}

const port = await until('Chromium to start', 20000,
  async () => Number(fs.readFileSync(`${out}/profile/DevToolsActivePort`, 'utf8').split('\n')[0]));
const targets = await until('Chromium to list its pages', 20000,
  async () => (await fetch(`http://127.0.0.1:${port}/json/list`)).json());
const ws = await connectWs(targets.find((t) => t.type === 'page').webSocketDebuggerUrl);
ws.onclose = () => fail('Chromium closed the DevTools connection');
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
  const timer = setTimeout(() => fail(`${method}: no answer from Chromium within 60 s`), 60000);
  waiting.set(id, (m) => {
    clearTimeout(timer);
    if (m.error) reject(new Error(`${method}: ${m.error.message}`)); else resolve(m.result);
  });
  ws.send(JSON.stringify({ id, method, params }));
});
const value = async (expr) => (await send('Runtime.evaluate', { expression: expr, returnByValue: true, awaitPromise: true })).result.value;
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

// 6. The window resized after load (a tablet turned): the canvas follows at the device's pixels.
await send('Emulation.setDeviceMetricsOverride', { width: 700, height: 900, deviceScaleFactor: 2, mobile: true });
figures.canvasResized = await until('the canvas to follow a resize to 700x900 at 2x', 20000, async () => {
  const c = await value(`[document.getElementById('canvas').width, document.getElementById('canvas').height]`);
  return c[0] === 1400 && c[1] === 1800 ? c : null;
});
await sleep(1000);
await shot('patient_resized.png');

// 7. A setting changed in the page is kept for the next visit (localStorage): French.
await send('Emulation.setDeviceMetricsOverride', { width: 1024, height: 768, deviceScaleFactor: 1, mobile: false });
await send('Page.navigate', { url: `${base}/index.html?patient&do=` + encodeURIComponent('language fr') });
await until('the language to be kept in the browser storage', 30000,
  async () => /"language": "fr"/.test(await value(`localStorage.getItem('venaviz.settings') || ''`)));
await open('?patient', 1024, 768);
figures.keptLanguage = await value('window.venavizLanguage');
await shot('patient_kept_fr.png');
if (figures.keptLanguage !== 'fr') fail(`the language chosen on the last visit was not kept: ${figures.keptLanguage}`);

// 8. Offline: the web server stops; the page loads again from the service worker's cache.
if (serverPid) {
  await until('the service worker to cache the files', 60000, async () =>
    (await value(`caches.open('venaviz-1').then((c) => c.keys()).then((k) => k.length)`)) >= 7);
  process.kill(Number(serverPid), 'SIGTERM');
  await until('the web server to stop', 10000, async () => {
    try { await fetch(`${base}/index.html`); return false; } catch { return true; }
  });
  await open('?patient', 1024, 768);
  figures.offlineFrames = await value('window.venavizFrames');
  await shot('patient_offline.png');
}

fs.writeFileSync(`${out}/figures.json`, JSON.stringify(figures, null, 1) + '\n');
console.log(JSON.stringify(figures));
// The chosen button turns blue (0, 114, 178; lighter while the finger's pointer rests on it):
// the touch reached it and the app changed its state.
const bluer = before && after && after[2] - before[2] > 30 && after[1] - before[1] > 25;
if (!bluer) fail(`a touch on "Leaky valves" did not choose it: the pixel went from ${before} to ${after}`);
process.exit(0);
