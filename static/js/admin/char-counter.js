// Live character counters for fields with a recommended length (SEO title and description).
document.addEventListener("DOMContentLoaded", () => {
  for (const field of document.querySelectorAll("[data-char-limit]")) {
    const limit = Number(field.dataset.charLimit);
    const counter = document.createElement("div");
    counter.className = "char-counter";
    counter.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", counter);
    const update = () => {
      const length = field.value.length;
      counter.textContent = field.dataset.charTemplate.replace("%(count)s", length).replace("%(limit)s", limit);
      counter.classList.toggle("char-counter--over", length > limit);
    };
    field.addEventListener("input", update);
    update();
  }
});
