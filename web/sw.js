// Keeps venaviz working offline after the first visit: the page and its files are cached on
// install and served from the cache first (a new build changes VERSION and replaces them).
const VERSION = 'venaviz-1';
const FILES = ['./', 'index.html', 'venaviz.js', 'venaviz.wasm', 'venaviz.data', 'manifest.webmanifest', 'icon.svg'];
self.addEventListener('install', (e) => e.waitUntil(caches.open(VERSION).then((c) => c.addAll(FILES)).then(() => self.skipWaiting())));
self.addEventListener('activate', (e) => e.waitUntil(
  caches.keys().then((keys) => Promise.all(keys.filter((k) => k !== VERSION).map((k) => caches.delete(k)))).then(() => self.clients.claim())));
self.addEventListener('fetch', (e) => {
  if (e.request.method !== 'GET') return;
  e.respondWith(caches.match(e.request, {ignoreSearch: true}).then((hit) => hit || fetch(e.request)));
});
