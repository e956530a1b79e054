// Live character counters for fields with a recommended length (title, summary, SEO title
// and description); data-char-min marks a text as too short below it.
document.addEventListener("DOMContentLoaded", () => {
  for (const field of document.querySelectorAll("[data-char-limit]")) {
    const limit = Number(field.dataset.charLimit);
    const minimum = Number(field.dataset.charMin || 0);
    const counter = document.createElement("div");
    counter.className = "char-counter";
    counter.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", counter);
    const update = () => {
      const length = field.value.length;
      counter.textContent = field.dataset.charTemplate
        .replace("%(count)s", length)
        .replace("%(limit)s", limit)
        .replace("%(min)s", minimum);
      counter.classList.toggle("char-counter--over", length > limit || (length > 0 && length < minimum));
    };
    field.addEventListener("input", update);
    update();
  }
});
