// The story screen while writing: the word count and reading time in the bar, counted as
// the server counts them (stories/text.py: words of the text, WORDS_PER_MINUTE).
document.addEventListener("DOMContentLoaded", () => {
  const editor = document.getElementById("story-editor");
  const stats = document.getElementById("story-stats");
  const body = editor && editor.closest("form").querySelector("textarea[name=body]");
  if (!stats || !body) return;
  const wordsPerMinute = Number(editor.dataset.wordsPerMinute) || 200;
  // Block ends become spaces, so the last word of a paragraph and the next one are two words.
  const blockEnd = /<\/(p|h[1-6]|li|blockquote|figcaption)>|<br\s*\/?>|<hr\s*\/?>/gi;

  function wordCount(html) {
    const text = new DOMParser().parseFromString(html.replace(blockEnd, " "), "text/html").body.textContent;
    return text.split(/\s+/).filter(Boolean).length;
  }

  function update() {
    const words = wordCount(body.value);
    const minutes = Math.max(1, Math.ceil(words / wordsPerMinute));
    stats.textContent = stats.dataset.template
      .replace("%(words)s", words.toLocaleString())
      .replace("%(minutes)s", minutes.toLocaleString());
  }

  body.addEventListener("input", update); // the rich-text editor sends one on every change
  update();
});
