/* Fleksi presence service worker ({{ version }}): keeps the check-in page and its files on
   the phone so that the page opens without a network. Scope: {{ scope }} only. */
"use strict";
var CACHE = "fleksi-presence-{{ version }}";
var PAGE = {{ page_json|safe }};
var FILES = {{ files_json|safe }};

self.addEventListener("install", function (e) {
  e.waitUntil(caches.open(CACHE).then(function (c) {
    return c.addAll(FILES).then(function () {
      return fetch(PAGE, { credentials: "same-origin" }).then(function (r) {
        if (r.ok && !r.redirected) return c.put(PAGE, r);
      }).catch(function () {});
    });
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (e) {
  e.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) {
      return k.indexOf("fleksi-presence-") === 0 && k !== CACHE;
    }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

// The page: from the network when it answers within a few seconds (and kept for next time),
// else the copy on the phone; its script then asks for today's state when it can.
function page(req) {
  var cached = caches.open(CACHE).then(function (c) { return c.match(PAGE); });
  var net = fetch(req).then(function (r) {
    if (r.ok && !r.redirected && r.type === "basic") {
      var copy = r.clone();
      caches.open(CACHE).then(function (c) { c.put(PAGE, copy); });
    }
    return r;
  });
  return new Promise(function (resolve, reject) {
    var slow = setTimeout(function () {
      cached.then(function (hit) { if (hit) resolve(hit); });
    }, 6000);
    net.then(function (r) { clearTimeout(slow); resolve(r); }, function () {
      clearTimeout(slow);
      cached.then(function (hit) { if (hit) resolve(hit); else reject(new Error("offline")); });
    });
  });
}

self.addEventListener("fetch", function (e) {
  var req = e.request, url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== self.location.origin) return;
  if (req.mode === "navigate" && url.pathname === PAGE) {
    e.respondWith(page(req));
  } else if (FILES.indexOf(url.pathname) >= 0) {
    e.respondWith(caches.open(CACHE).then(function (c) {
      return c.match(req).then(function (hit) { return hit || fetch(req); });
    }));
  }
});
