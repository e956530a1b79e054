// Starts the rich-text editor on every textarea stories/rich_text.py marks, with exactly
// the extensions its configuration lists. An external module, so no inline script is needed.
import * as editor from "../../django_prose_editor/editor.js";

const attribute = "data-django-prose-editor-configurable";

function createEditor(textarea) {
  if (textarea.closest(".prose-editor")) return null;
  const config = JSON.parse(textarea.getAttribute(attribute) || "{}");
  const extensions = Object.entries(config.extensions || {})
    .filter(([name]) => editor[name])
    .map(([name, options]) => (typeof options === "object" ? editor[name].configure(options) : editor[name]));
  return editor.createTextareaEditor(textarea, extensions);
}

editor.initializeEditors(createEditor, `[${attribute}]`);
