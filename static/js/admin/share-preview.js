// The share preview, redrawn as the editor types: the same choice of title, description and
// image as the story's page makes (stories/sharing/metadata.py), cut at each network's limit
// (the cards' data attributes, from stories/editorial/share_preview.py).
document.addEventListener("DOMContentLoaded", () => {
  const preview = document.getElementById("share-preview");
  if (!preview) return;
  const form = preview.closest("form");
  const field = (name) => form.elements.namedItem(name);
  const data = preview.dataset;
  const images = { hero: data.heroUrl, override: data.overrideUrl };

  function shorten(text, limit) {
    text = text.split(/\s+/).filter(Boolean).join(" ");
    if (!limit || text.length <= limit) return text;
    let cut = text.slice(0, limit - 1);
    if (cut.slice(Math.floor(limit / 2)).includes(" ")) cut = cut.slice(0, cut.lastIndexOf(" "));
    return cut.replace(/[ ,;:.]+$/, "") + "…";
  }

  function slugOf(text) {
    return text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
  }

  const value = (name) => (field(name) ? field(name).value.trim() : "");
  const cleared = (name) => Boolean(field(`${name}-clear`) && field(`${name}-clear`).checked);

  function draw() {
    const title = value("title");
    const metaTitle = value("seo_title") || title;
    const description = value("seo_description") || value("summary");
    const slug = slugOf(value("slug") || title);
    const url = slug ? data.urlTemplate.replace("slug-placeholder", slug) : "";
    const override = cleared("social_image_override") ? "" : images.override;
    const hero = cleared("hero_image") ? "" : images.hero;
    for (const card of preview.querySelectorAll(".share-card")) {
      const titleLimit = Number(card.dataset.titleLimit);
      const descriptionLimit = Number(card.dataset.descriptionLimit);
      const shownTitle = card.dataset.network === "google" ? `${metaTitle} · ${data.siteName}` : metaTitle;
      card.querySelector(".share-card__title").textContent = shorten(shownTitle, titleLimit);
      const descriptionBox = card.querySelector(".share-card__description");
      if (descriptionBox) descriptionBox.textContent = shorten(description, descriptionLimit);
      const site = card.querySelector(".share-card__site");
      if (card.dataset.shows === "url") {
        site.textContent = url ? url.replace(/^https?:\/\//, "").replace(/\/$/, "").split("/").join(" › ") : data.domain;
      }
      const imageBox = card.querySelector(".share-card__image");
      if (imageBox) {
        const picture = imageBox.querySelector(".share-card__picture");
        picture.hidden = !(override || hero);
        if (override || hero) picture.src = override || hero;
        imageBox.classList.toggle("share-card__image--drawn", !override);
        imageBox.querySelector(".share-card__drawn-title").hidden = Boolean(override);
        imageBox.querySelector(".share-card__drawn-site").hidden = Boolean(override);
        imageBox.querySelector(".share-card__drawn-title").textContent = title;
      }
      const warnings = [];
      if (shownTitle.length > titleLimit) warnings.push(data.cutTitle.replace("%(limit)s", titleLimit));
      if (descriptionLimit && description.length > descriptionLimit) {
        warnings.push(data.cutDescription.replace("%(limit)s", descriptionLimit));
      }
      const warning = card.querySelector(".share-card__warning");
      warning.textContent = warnings.join(" ");
      warning.hidden = warnings.length === 0;
    }
  }

  // A chosen file is shown from the browser (a data: URL), before it is uploaded.
  for (const [name, key] of [["hero_image", "hero"], ["social_image_override", "override"]]) {
    const input = field(name);
    if (!input || input.type !== "file") continue;
    input.addEventListener("change", () => {
      const file = input.files[0];
      if (!file) return;
      const reader = new FileReader();
      reader.addEventListener("load", () => {
        images[key] = reader.result;
        draw();
      });
      reader.readAsDataURL(file);
    });
  }

  let frame = 0;
  const drawSoon = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(draw);
  };
  form.addEventListener("input", drawSoon);
  form.addEventListener("change", drawSoon);
  draw();
});
