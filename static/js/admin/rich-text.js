// Starts the rich-text editor on every textarea stories/rich_text.py marks, with exactly
// the extensions its configuration lists. An external module, so no inline script is needed.
import * as editor from "../../django_prose_editor/editor.js";
import { NoTransliterate } from "./no-transliterate.js";

// The project's own extensions, next to the package's (by the names the configuration uses).
const extensionsByName = { ...editor, NoTransliterate };

const attribute = "data-django-prose-editor-configurable";

function createEditor(textarea) {
  if (textarea.closest(".prose-editor")) return null;
  const config = JSON.parse(textarea.getAttribute(attribute) || "{}");
  const extensions = Object.entries(config.extensions || {})
    .filter(([name]) => extensionsByName[name])
    .map(([name, options]) =>
      typeof options === "object" ? extensionsByName[name].configure(options) : extensionsByName[name],
    );
  const instance = editor.createTextareaEditor(textarea, extensions);
  textarea.richTextEditor = instance; // story-draft.js restores a kept body through it
  // The editable area stands in for the hidden textarea: give it the textarea's label.
  const label = textarea.id && document.querySelector(`label[for="${textarea.id}"]`);
  if (label) instance.view.dom.setAttribute("aria-label", label.textContent.replace(/:\s*$/, "").trim());
  return instance;
}

editor.initializeEditors(createEditor, `[${attribute}]`);
