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

  document.querySelectorAll("[data-sidebar-toggle]").forEach(setupSidebarToggle);
  document.querySelectorAll("[data-copy-target]").forEach(setupCopyButton);
  document.querySelectorAll("[data-native-share]").forEach(setupNativeShare);
})();
