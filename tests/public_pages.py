"""Every public page type of the site, with content that exercises it: for the tests that
check each page type the same way (validity, landmarks, footnotes, the browser console)."""

from stories.models import StoryImage
from tests.factories import image_upload, make_country, make_page, make_partner, make_story, make_theme

KOSOVO_FOOTNOTE = "This designation is without prejudice to positions on status."

# (name, URL, expected status): one of each kind of page a reader can reach.
PUBLIC_PAGES = [
    ("home", "/", 200),
    ("story list", "/stories/", 200),
    ("story list, page 2", "/stories/?page=2", 200),
    ("story list, filtered", "/stories/?country=serbia&theme=poverty", 200),
    ("story", "/stories/the-well-in-kumanovo/", 200),
    ("countries", "/countries/", 200),
    ("country", "/countries/kosovo/", 200),
    ("themes", "/themes/", 200),
    ("theme", "/themes/poverty/", 200),
    ("search form", "/search/", 200),
    ("search results", "/search/?q=story", 200),
    ("search, no results", "/search/?q=nothingmatches", 200),
    ("partners", "/partners/", 200),
    ("partner", "/partners/european-western-balkans/", 200),
    ("about", "/about/", 200),
    ("page", "/pages/how-we-work/", 200),
    ("not found", "/no-such-page/", 404),
]


def make_site():
    """Stories in Serbia and Kosovo (which carries a footnote), with images, a gallery, two
    partners, the About page naming Kosovo in its text, and enough stories for two pages."""
    serbia = make_country("Serbia", description="Stories from Serbia.")
    kosovo = make_country("Kosovo", description="Stories from Kosovo.", footnote=KOSOVO_FOOTNOTE)
    poverty = make_theme("Poverty", description="Living on little.")
    make_partner(founded_year=2014)
    make_partner("European Fund for the Balkans", slug="european-fund-for-the-balkans")
    make_page(
        intro="What we do.",
        body="<h2>Where</h2><p>We publish stories from Albania, Bosnia and Herzegovina, Kosovo, "
        "Montenegro, North Macedonia and Serbia.</p>",
    )
    make_page("how-we-work", "How we work", intro="Our method.", body="<p>We listen.</p>")
    story = make_story(
        "The well in Kumanovo",
        countries=[serbia, kosovo],
        themes=[poverty],
        keywords=["water"],
        contributors=["Jelena Đukić"],
        hero_image=image_upload(),
        hero_image_alt="A dry stone well",
        hero_image_caption="The well in July.",
        subtitle="A village waits for water.",
        body="<h2>July</h2><p>The well ran dry in July.</p><h2>August</h2><p>Nobody came, the story says.</p>",
        location="Kumanovo",
    )
    StoryImage.objects.create(story=story, image=image_upload("gallery.jpg"), alt="The village square", caption="Noon.")
    for number in range(12):
        make_story(f"Another story {number}", countries=[serbia], themes=[poverty])
    return story
