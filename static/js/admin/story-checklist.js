// The pre-publish checklist, kept current while the editor types: the form's values (no
// files) go to the server, which runs the same checks as on saving (stories/editorial/checklist.py).
document.addEventListener("DOMContentLoaded", () => {
  const panel = document.getElementById("story-checklist");
  if (!panel) return;
  const form = panel.closest("form");
  const list = panel.querySelector(".story-checks");
  const summary = document.getElementById("story-checklist-summary");
  const blockedNote = document.getElementById("story-publish-blocked");
  const status = form.querySelector("select[name=status]");
  const marks = { passed: "✓", blocking: "✕", warning: "!" };
  let blocking = list.querySelectorAll(".story-check--blocking:not(.story-check--passed)").length;

  function showBlocked() {
    if (blockedNote) blockedNote.hidden = !(status && status.value === "published" && blocking > 0);
  }

  function item(check) {
    const li = document.createElement("li");
    const state = check.passed ? "passed" : check.level;
    li.className = `story-check story-check--${check.level}${check.passed ? " story-check--passed" : ""}`;
    li.dataset.check = check.key;
    const mark = document.createElement("span");
    mark.className = "story-check__mark";
    mark.setAttribute("aria-hidden", "true");
    mark.textContent = marks[state];
    const label = document.createElement("span");
    label.className = "story-check__label";
    label.textContent = check.label;
    const spoken = document.createElement("span");
    spoken.className = "visually-hidden";
    spoken.textContent = `: ${panel.dataset[state]}`;
    label.append(spoken);
    li.append(mark, label);
    if (check.detail) {
      const detail = document.createElement("span");
      detail.className = "story-check__detail";
      detail.textContent = check.detail;
      li.append(detail);
    }
    return li;
  }

  function formValues() {
    const values = new FormData(form);
    for (const [name, value] of [...values.entries()]) {
      if (value instanceof File) {
        values.delete(name);
        // Say that a file was chosen, without sending it.
        if (value.name) values.set(name === "hero_image" ? "hero_image_chosen" : name.replace(/image$/, "image_chosen"), "1");
      }
    }
    return values;
  }

  let pending = null;
  let timer = null;
  async function refresh() {
    pending?.abort();
    pending = new AbortController();
    try {
      const answer = await fetch(panel.dataset.checklistUrl, {
        method: "POST",
        body: formValues(),
        credentials: "same-origin",
        headers: { Accept: "application/json" },
        signal: pending.signal,
      });
      if (!answer.ok) return; // a logged-out session: story-draft.js says so on saving
      const result = await answer.json();
      list.replaceChildren(...result.checks.map(item));
      summary.textContent = result.summary;
      blocking = result.checks.filter((check) => check.level === "blocking" && !check.passed).length;
      showBlocked();
    } catch {
      // Offline or aborted by a newer request: the list stays as it was.
    }
  }

  function refreshSoon() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 500);
  }
  form.addEventListener("input", refreshSoon);
  form.addEventListener("change", refreshSoon);
  showBlocked();
});
