// Progressive enhancements only: every page works without this file.
(function () {
  "use strict";
  var SIDEBAR_KEY = "balkanoscope:sidebar";

  function remember(key, value) {
    try { localStorage.setItem(key, value); } catch (e) { /* private mode: forget quietly */ }
  }
  function recall(key) {
    try { return localStorage.getItem(key); } catch (e) { return null; }
  }
  // A control that needs this script is hidden in the HTML, alone or with its list item.
  function reveal(control) {
    (control.closest("li") || control).hidden = false;
    control.hidden = false;
  }

  // Show / hide the story sidebar; the reader's choice holds across pages and reloads.
  function setupSidebarToggle(button) {
    var sidebar = document.getElementById(button.getAttribute("aria-controls"));
    var layout = button.closest("[data-sidebar-layout]");
    if (!sidebar) return;
    function apply(shown) {
      sidebar.hidden = !shown;
      button.setAttribute("aria-expanded", String(shown));
      button.textContent = shown ? button.dataset.labelHide : button.dataset.labelShow;
      if (layout) layout.classList.toggle("story-layout--sidebar-hidden", !shown);
    }
    apply(recall(SIDEBAR_KEY) !== "hidden");
    button.hidden = false;
    button.addEventListener("click", function () {
      var shown = sidebar.hidden;
      apply(shown);
      remember(SIDEBAR_KEY, shown ? "shown" : "hidden");
    });
  }

  // Copy the story's URL: the Clipboard API where allowed, else select the text for the reader.
  function setupCopyButton(button) {
    var field = document.getElementById(button.dataset.copyTarget);
    var status = button.closest(".share").querySelector("[data-copy-status]");
    if (!field) return;
    reveal(button);
    function announce(message) {
      status.textContent = "";
      window.setTimeout(function () { status.textContent = message; }, 50);
    }
    function selectInstead() {
      field.focus();
      field.select();
      announce(button.dataset.selectedMessage);
    }
    button.addEventListener("click", function () {
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(function () {
          announce(button.dataset.copiedMessage);
        }, selectInstead);
      } else {
        selectInstead();
      }
    });
  }

  // The native share sheet, only where the browser has one.
  function setupNativeShare(button) {
    if (typeof navigator.share !== "function") return;
    reveal(button);
    button.addEventListener("click", function () {
      navigator.share({ title: document.title, url: button.dataset.shareUrl }).catch(function () {});
    });
  }

  // Reading offline: the service worker keeps the pages a reader opens (static/js/sw.js).
  var PAGES = "balkanoscope-pages";
  function setupServiceWorker(link) {
    if (!("serviceWorker" in navigator) || !("caches" in window)) return;
    navigator.serviceWorker.register(link.dataset.serviceWorker).catch(function () {});
    // Only a page the worker fetched has been kept.
    if (navigator.serviceWorker.controller) document.querySelectorAll("[data-offline-note]").forEach(reveal);
  }

  // The offline page lists the stories kept in this browser, and can forget them.
  function setupSavedStories(box) {
    if (!("caches" in window)) return;
    var list = box.querySelector("[data-saved-stories]");
    var empty = box.querySelector("[data-saved-empty]");
    var clear = box.querySelector("[data-clear-saved]");
    var status = box.querySelector("[data-cleared-status]");
    function isStory(request) {
      var path = new URL(request.url).pathname;
      return path.indexOf(box.dataset.storyPrefix) === 0 && path.length > box.dataset.storyPrefix.length;
    }
    function titleOf(cache, request) {
      return cache.match(request).then(function (response) { return response.text(); }).then(function (text) {
        var heading = new DOMParser().parseFromString(text, "text/html").querySelector("h1");
        return { url: request.url, title: heading ? heading.textContent.trim() : request.url };
      });
    }
    function show() {
      caches.open(PAGES).then(function (cache) {
        return cache.keys().then(function (requests) {
          return Promise.all(requests.filter(isStory).map(function (request) { return titleOf(cache, request); }));
        });
      }).then(function (saved) {
        list.textContent = "";
        saved.forEach(function (story) {
          var item = document.createElement("li");
          var link = document.createElement("a");
          item.className = "story-links__item";
          link.href = story.url;
          link.textContent = story.title;
          item.appendChild(link);
          list.appendChild(item);
        });
        empty.hidden = saved.length > 0;
        clear.hidden = saved.length === 0;
      });
    }
    clear.addEventListener("click", function () {
      // Every kept page but the offline page itself, and every kept image.
      caches.open(PAGES).then(function (cache) {
        return cache.keys().then(function (requests) {
          return Promise.all(requests.filter(function (request) {
            return new URL(request.url).pathname !== box.dataset.offlineUrl;
          }).map(function (request) { return cache.delete(request); }));
        });
      }).then(function () { return caches.delete("balkanoscope-images"); }).then(function () {
        status.textContent = status.dataset.clearedMessage;
        show();
      });
    });
    show();
  }

  // A first visit to the English home: offer the language the browser prefers, if the site has
  // it and English does not come first. Never a redirect; once answered, never again.
  var OFFER_KEY = "balkanoscope:language-offer";
  function setupLanguageOffer(template) {
    if (recall(OFFER_KEY) || !template.content) return;
    // Longest first, so sr-Latn-RS finds sr-latn before sr.
    var offers = [].slice.call(template.content.children).sort(function (a, b) {
      return b.dataset.language.length - a.dataset.language.length;
    });
    var wanted = navigator.languages || [navigator.language || ""];
    for (var i = 0; i < wanted.length; i++) {
      var tag = String(wanted[i]).toLowerCase();
      if (tag === "en" || tag.indexOf("en-") === 0) return;
      for (var j = 0; j < offers.length; j++) {
        var code = offers[j].dataset.language;
        if (tag === code || tag.indexOf(code + "-") === 0) return showOffer(template, offers[j]);
      }
    }
  }
  function showOffer(template, offer) {
    var line = document.importNode(offer, true);
    function answered() { remember(OFFER_KEY, "answered"); }
    line.querySelector("a").addEventListener("click", answered);
    line.querySelector("[data-dismiss-offer]").addEventListener("click", function () {
      answered();
      line.remove();
      document.getElementById("main").focus(); // where the reader was, not the page's top
    });
    template.parentNode.insertBefore(line, template);
  }

  document.querySelectorAll("[data-sidebar-toggle]").forEach(setupSidebarToggle);
  document.querySelectorAll("[data-copy-target]").forEach(setupCopyButton);
  document.querySelectorAll("[data-native-share]").forEach(setupNativeShare);
  document.querySelectorAll("link[data-service-worker]").forEach(setupServiceWorker);
  document.querySelectorAll("[data-offline-page]").forEach(setupSavedStories);
  document.querySelectorAll("template[data-language-offers]").forEach(setupLanguageOffer);
})();
