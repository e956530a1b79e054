// Nothing typed on the story screen is lost (see stories/editorial/drafts.py):
// - every change is kept in this browser's localStorage, under the story's id and the edit
//   token of the version the form was opened from, and offered back when the story is opened
//   again without having been saved (a crash, a closed tab, an ended session);
// - leaving the page with unsaved changes asks first;
// - before the form is sent, the session is checked: if it ended, the form stays, the editor
//   logs in again in another tab and saves from here, with a fresh CSRF token.
document.addEventListener("DOMContentLoaded", () => {
  const editor = document.getElementById("story-editor");
  if (!editor) return;
  const form = editor.closest("form");
  const data = editor.dataset;
  const PREFIX = "balkanoscope.story-draft.";
  const KEEP_DAYS = 14; // older drafts are dropped: newsroom computers are shared
  const storyPrefix = `${PREFIX}${data.story}.`;
  const key = storyPrefix + (data.editToken || "new");
  const draftState = document.getElementById("story-draft-state");
  const offer = document.getElementById("story-draft-offer");
  const sessionEnded = document.getElementById("story-session-ended");
  const formHasErrors = Boolean(document.querySelector(".errornote"));

  const storage = (() => {
    try {
      const probe = `${PREFIX}probe`;
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch {
      return null; // private browsing or storage off: only the leave warning is left
    }
  })();

  // The fields a draft keeps: everything typed or chosen, never files, tokens or buttons.
  function keptElements() {
    return [...form.elements].filter(
      (element) =>
        element.name &&
        !element.disabled &&
        !["file", "submit", "button", "password"].includes(element.type) &&
        !["csrfmiddlewaretoken", "opened_edit_token"].includes(element.name) &&
        !/(TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS$|__prefix__/.test(element.name),
    );
  }

  function snapshot() {
    const fields = {};
    for (const element of keptElements()) {
      if (element.type === "checkbox" || element.type === "radio") {
        const values = fields[element.name] || (fields[element.name] = { checked: [] });
        if (element.checked) values.checked.push(element.value);
      } else if (element.tagName === "SELECT") {
        fields[element.name] = {
          options: [...element.selectedOptions].map((option) => [option.value, option.textContent]),
        };
      } else {
        fields[element.name] = { value: element.value };
      }
    }
    return fields;
  }

  function restore(fields) {
    for (const [name, kept] of Object.entries(fields)) {
      const elements = [...form.elements].filter((element) => element.name === name);
      for (const element of elements) {
        if (kept.checked) {
          element.checked = kept.checked.includes(element.value);
        } else if (kept.options && element.tagName === "SELECT") {
          const chosen = new Map(kept.options);
          for (const [value, text] of kept.options) {
            // An autocomplete list holds only its chosen options: add the kept ones back.
            if (![...element.options].some((option) => option.value === value)) {
              element.add(new Option(text, value));
            }
          }
          for (const option of element.options) option.selected = chosen.has(option.value);
        } else if ("value" in kept) {
          element.value = kept.value;
          if (element.richTextEditor) {
            element.richTextEditor.commands.setContent(kept.value);
            element.value = element.richTextEditor.getHTML(); // what the form sends, in the editor's own markup
          }
        }
        element.dispatchEvent(new Event("input", { bubbles: true }));
        element.dispatchEvent(new Event("change", { bubbles: true }));
      }
    }
  }

  const baseline = JSON.stringify(snapshot());
  let hasUnsavedChanges = false;
  let sending = false;

  function read(storageKey) {
    try {
      return JSON.parse(storage.getItem(storageKey));
    } catch {
      return null;
    }
  }

  function showState(savedAt) {
    if (!draftState) return;
    if (!hasUnsavedChanges) {
      draftState.textContent = "";
    } else if (savedAt) {
      const time = new Date(savedAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
      draftState.textContent = draftState.dataset.kept.replace("%(time)s", time);
    } else {
      draftState.textContent = draftState.dataset.unsaved;
    }
  }

  function keep(extra = {}) {
    const fields = snapshot();
    hasUnsavedChanges = JSON.stringify(fields) !== baseline;
    if (!storage) return showState(null);
    const earlier = read(key);
    if (!hasUnsavedChanges && !extra.submittedAt && !formHasErrors) {
      storage.removeItem(key);
      return showState(null);
    }
    const draft = {
      story: data.story,
      token: data.editToken,
      openedAt: (earlier && earlier.openedAt) || data.serverNow,
      savedAt: new Date().toISOString(),
      submittedAt: "submittedAt" in extra ? extra.submittedAt : (earlier && earlier.submittedAt) || null,
      fields,
    };
    try {
      storage.setItem(key, JSON.stringify(draft));
      showState(draft.savedAt);
    } catch {
      showState(null); // storage full: the leave warning still protects the text
    }
  }

  let timer = null;
  function keepSoon() {
    clearTimeout(timer);
    timer = setTimeout(keep, 400);
  }
  form.addEventListener("input", keepSoon);
  form.addEventListener("change", keepSoon);
  window.addEventListener("pagehide", () => {
    if (!sending) keep();
  });

  window.addEventListener("beforeunload", (event) => {
    clearTimeout(timer);
    if (!sending) keep();
    if (hasUnsavedChanges && !sending) {
      event.preventDefault();
      event.returnValue = ""; // browsers show their own words
    }
  });

  // Was a kept draft saved since? A save always changes the story's edit token.
  function wasSaved(draft) {
    if (data.story !== "new") return draft.token !== data.editToken && Boolean(draft.submittedAt) && Boolean(data.updatedByMe);
    const created = Date.parse(data.ownLatestCreatedAt || "");
    return Boolean(draft.submittedAt) && created > Date.parse(draft.openedAt || "");
  }

  function forget(storageKey) {
    storage.removeItem(storageKey);
  }

  function offerKeptDraft() {
    const now = Date.now();
    const candidates = [];
    for (let index = storage.length - 1; index >= 0; index -= 1) {
      const storageKey = storage.key(index);
      if (!storageKey || !storageKey.startsWith(PREFIX)) continue;
      const draft = read(storageKey);
      const age = draft ? now - Date.parse(draft.savedAt) : Infinity;
      if (!draft || !(age < KEEP_DAYS * 86400000)) {
        forget(storageKey);
      } else if (storageKey.startsWith(storyPrefix)) {
        if (wasSaved(draft)) forget(storageKey);
        else candidates.push([storageKey, draft]);
      }
    }
    if (formHasErrors || !offer) return; // the form shows what was sent; the draft keeps up with it
    candidates.sort((a, b) => Date.parse(b[1].savedAt) - Date.parse(a[1].savedAt));
    const [storageKey, draft] = candidates[0] || [];
    if (!draft) return;
    if (JSON.stringify(draft.fields) === baseline) return forget(storageKey);
    const title = offer.querySelector(".story-notice__title");
    const time = new Date(draft.savedAt).toLocaleString([], { dateStyle: "medium", timeStyle: "short" });
    title.textContent = title.dataset.template.replace("%(time)s", time);
    offer.querySelector(".story-notice__older").hidden = draft.token === data.editToken;
    offer.hidden = false;
    offer.addEventListener("click", (event) => {
      const action = event.target.closest("[data-draft-action]");
      if (!action) return;
      if (action.dataset.draftAction === "restore") {
        restore(draft.fields);
        if (storageKey !== key) forget(storageKey);
        keep({ submittedAt: null });
      } else {
        forget(storageKey);
      }
      offer.hidden = true;
      form.querySelector("#id_title")?.focus();
    });
  }

  if (storage) offerKeptDraft();
  if (formHasErrors) keep();

  // Sending: check the session first, so an ended one never throws the text away.
  const csrf = form.querySelector("input[name=csrfmiddlewaretoken]");
  let sessionChecked = false;
  form.addEventListener("submit", async (event) => {
    if (sessionChecked) {
      sending = true;
      return;
    }
    event.preventDefault();
    const submitter = event.submitter;
    clearTimeout(timer);
    keep({ submittedAt: new Date().toISOString() });
    let answer = null;
    try {
      answer = await fetch(data.sessionUrl, { credentials: "same-origin", headers: { Accept: "application/json" } });
    } catch {
      answer = null; // the server is unreachable: send anyway, and the draft stays if that fails
    }
    if (answer && answer.status === 401) {
      sessionEnded.hidden = false;
      sessionEnded.scrollIntoView({ block: "center" });
      sessionEnded.querySelector("[data-session-login]").focus();
      return;
    }
    if (answer && answer.ok) {
      const session = await answer.json();
      if (csrf && session.csrfToken) csrf.value = session.csrfToken;
    }
    sessionEnded.hidden = true;
    sessionChecked = true;
    form.requestSubmit(submitter || undefined);
    sessionChecked = false; // a second press after a failed send checks again
  });
});
