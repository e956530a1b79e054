// The admin's autocomplete boxes (select2) name their search field for screen readers and
// keep their list a list: select2 renders a bare search input and puts the "remove all"
// button inside its <ul>. Re-applied whenever select2 draws or redraws a box (it starts
// from a jQuery ready handler, at no fixed moment after DOMContentLoaded).
document.addEventListener("DOMContentLoaded", () => {
  function repair(container) {
    const select = container.previousElementSibling;
    const label = select && select.id && document.querySelector(`label[for="${select.id}"]`);
    const search = container.querySelector(".select2-search__field");
    if (search && label && !search.hasAttribute("aria-label")) {
      search.setAttribute("aria-label", label.textContent.replace(/:\s*$/, "").trim());
    }
    const list = container.querySelector("ul.select2-selection__rendered");
    const clear = list && list.querySelector(":scope > .select2-selection__clear");
    if (clear) list.after(clear); // select2 listens on the whole selection box, so it still clears
  }

  new MutationObserver((mutations) => {
    const touched = new Set();
    for (const mutation of mutations) {
      const container = mutation.target.closest && mutation.target.closest(".select2-container");
      if (container) touched.add(container);
      for (const node of mutation.addedNodes) {
        if (node.classList && node.classList.contains("select2-container")) touched.add(node);
      }
    }
    touched.forEach(repair);
  }).observe(document.body, { childList: true, subtree: true });
  document.querySelectorAll(".select2-container").forEach(repair);
});
