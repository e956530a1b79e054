// "Do not transliterate": a mark that wraps the selection in <span translate="no">, which
// stories/sanitize.py keeps and stories/scripts/html.py leaves in the script it was written in
// (a name, a quotation, a word that must stay as spelt). The button's label comes from the
// server's configuration (stories/editorial/rich_text.py), already in the editor's language.
import { Mark } from "../../django_prose_editor/editor.js";

export const NoTransliterate = Mark.create({
  name: "noTransliterate",

  addOptions() {
    return { label: "Do not transliterate" };
  },

  parseHTML() {
    return [{ tag: 'span[translate="no"]' }];
  },

  renderHTML() {
    return ["span", { translate: "no" }, 0];
  },

  addCommands() {
    return {
      toggleNoTransliterate:
        () =>
        ({ commands }) =>
          commands.toggleMark(this.name),
    };
  },

  addMenuItems({ buttons, menu }) {
    // The glyphs hint at the two scripts; the label is the button's title and accessible name.
    const button = buttons.text("Ћ|C", this.options.label);
    button.classList.add("prose-menubar__button--no-transliterate");
    menu.defineItem({
      name: this.name,
      groups: "marks",
      button,
      active: (editor) => editor.isActive(this.name),
      command: (editor) => editor.chain().focus().toggleNoTransliterate().run(),
    });
  },
});
