// Fills a slug field from its title or name as the editor types, asking the server for the
// slug it will save (stories/editorial/slug_preview.py): one set of transliteration rules.
// A slug the editor typed, or one already saved, is left alone; emptying the field resumes.
document.addEventListener("DOMContentLoaded", () => {
  for (const slug of document.querySelectorAll("[data-slug-url]")) {
    const source = document.getElementById(slug.dataset.slugFrom);
    if (!source) continue;
    let isChosen = slug.value !== "";
    let timer;
    let asked = 0;
    slug.addEventListener("input", () => {
      isChosen = slug.value !== "";
    });
    source.addEventListener("input", () => {
      if (isChosen) return;
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const question = ++asked;
        const url = new URL(slug.dataset.slugUrl, window.location.href);
        url.searchParams.set("text", source.value);
        url.searchParams.set("object", slug.dataset.slugObject);
        try {
          const response = await fetch(url, { headers: { Accept: "application/json" } });
          if (!response.ok) return;
          const answer = await response.json();
          if (question === asked && !isChosen) slug.value = answer.slug;
        } catch {
          // Offline for a moment: the form still derives the slug when it is saved.
        }
      }, 150);
    });
  }
});
