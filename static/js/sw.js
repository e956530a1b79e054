// Balkanoscope's service worker: keeps the pages a reader opened, for reading offline.
// Served from /sw.js by stories/views/offline.py, which puts the site's CONFIG before this line.
/* global CONFIG */
"use strict";

var PAGES = "balkanoscope-pages";
var IMAGES = "balkanoscope-images";
var STATIC = "balkanoscope-static-" + CONFIG.release;

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(PAGES).then(function (cache) { return cache.add(CONFIG.offlinePage); }).then(function () {
      return self.skipWaiting();
    })
  );
});

self.addEventListener("activate", function (event) {
  // Static files of earlier releases are dead weight; saved pages and images stay.
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf("balkanoscope-static-") === 0 && name !== STATIC;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

// What is never kept: the admin, previews, search, embeds, anything not a plain page or file.
function isExcluded(url) {
  return CONFIG.neverCache.some(function (prefix) { return url.pathname.indexOf(prefix) === 0; });
}

// A response kept for later: a full, same-origin answer that is not private to someone
// (editors' pages, with their session cookie, are "private").
function isKeepable(response) {
  var control = (response.headers.get("Cache-Control") || "").toLowerCase();
  return response.ok && response.type === "basic" && control.indexOf("private") === -1 &&
    control.indexOf("no-store") === -1;
}

function keep(cacheName, request, response) {
  if (isKeepable(response)) {
    var copy = response.clone();
    caches.open(cacheName).then(function (cache) { cache.put(request, copy); });
  }
  return response;
}

// Pages: the network first, so content is fresh when online; the kept copy, else the
// offline page, when not.
function networkFirst(request) {
  return fetch(request).then(function (response) {
    return keep(PAGES, request, response);
  }).catch(function () {
    return caches.match(request, { ignoreSearch: false }).then(function (found) {
      return found || caches.match(CONFIG.offlinePage);
    });
  });
}

// Versioned static files never change under their name; images are kept at the one size
// the browser chose for the reader's screen.
function cacheFirst(cacheName, request) {
  return caches.match(request).then(function (found) {
    return found || fetch(request).then(function (response) { return keep(cacheName, request, response); });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || isExcluded(url)) return;
  if (request.mode === "navigate") {
    event.respondWith(networkFirst(request));
  } else if (url.pathname.indexOf(CONFIG.staticUrl) === 0) {
    event.respondWith(cacheFirst(STATIC, request));
  } else if (request.destination === "image" && url.pathname.indexOf(CONFIG.mediaUrl) === 0) {
    event.respondWith(cacheFirst(IMAGES, request));
  }
});
