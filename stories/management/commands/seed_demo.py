import random
import secrets
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from partners.models import Page, Partner
from stories.demo import content as demo_content
from stories.demo.art import landscape, partner_logo
from stories.models import (
    ContentVersion,
    Contributor,
    Country,
    Story,
    TaggedCountry,
    TaggedTheme,
    Theme,
)
from stories.sanitize import clean_html
from stories.search import index_stories
from stories.text import reading_time_minutes

DEMO_KEYWORD = "demo"


class Command(BaseCommand):
    help = (
        "Create the demo content: the six countries, nine themes, two partners, the About page and "
        "24 demo stories. Idempotent: what already exists (by name or title) is left as the editors made it. "
        "--stories N adds N generated stories for benchmarks."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--stories",
            type=int,
            default=0,
            help="Also add this many generated stories.",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing if any country exists (used by `make run`).",
        )

    def handle(self, *args, stories, if_empty, **options):
        if stories < 0:
            raise CommandError("--stories must be zero or more.")
        if if_empty and Country.objects.exists():
            self.stdout.write("Demo content: already loaded, left as it is.")
            return
        with transaction.atomic():
            countries = {data["name"]: self.country(data) for data in demo_content.COUNTRIES}
            themes = {data["name"]: self.theme(data, order) for order, data in enumerate(demo_content.THEMES, 1)}
            contributors = {data["name"]: self.contributor(data) for data in demo_content.CONTRIBUTORS}
            for data in demo_content.PARTNERS:
                self.partner(data)
            self.about_page()
            created = sum(
                self.story(index, data, countries, themes, contributors)
                for index, data in enumerate(demo_content.STORIES)
            )
        self.stdout.write(f"Demo content: {created} new demo stories.")
        if stories:
            self.generate_stories(stories, list(Country.objects.all()), list(Theme.objects.all()))
            self.stdout.write(f"Generated {stories} stories.")

    def country(self, data):
        order = [c["name"] for c in demo_content.COUNTRIES].index(data["name"]) + 1
        country, _ = Country.objects.get_or_create(
            name=data["name"],
            defaults={
                "description": data["description"],
                "footnote": data.get("footnote", ""),
                "sort_order": order,
            },
        )
        return country

    def theme(self, data, order):
        theme, _ = Theme.objects.get_or_create(
            name=data["name"],
            defaults={"description": data["description"], "sort_order": order},
        )
        return theme

    def contributor(self, data):
        contributor, _ = Contributor.objects.get_or_create(
            name=data["name"], defaults={"role": data["role"], "bio": data["bio"]}
        )
        return contributor

    def partner(self, data):
        if Partner.objects.filter(slug=data["slug"]).exists():
            return
        background, foreground = data["logo_colors"]
        partner = Partner(
            name=data["name"],
            short_name=data["short_name"],
            slug=data["slug"],
            description=data["description"],
            website=data["website"],
            founded_year=data["founded_year"],
            sort_order=data["sort_order"],
        )
        logo = partner_logo(data["name"], background=background, foreground=foreground)
        partner.logo.save(f"{data['slug']}.png", ContentFile(logo), save=False)
        partner.save()

    def about_page(self):
        data = demo_content.ABOUT_PAGE
        Page.objects.get_or_create(
            slug=data["slug"],
            defaults={
                "title": data["title"],
                "intro": data["intro"],
                "body": data["body"],
            },
        )

    def story(self, index, data, countries, themes, contributors):
        if Story.objects.filter(title=data["title"]).exists():
            return False
        story = Story(
            title=data["title"],
            subtitle=data["subtitle"],
            summary=data["summary"],
            body=data["body"] + f"<p><em>{demo_content.DEMO_NOTE}</em></p>",
            language=data.get("language", "en"),
            storyteller_name=data["storyteller"],
            is_storyteller_anonymous=data["anonymous"],
            location=data["location"],
            content_warning=data["content_warning"],
            hero_image_alt=data["image_alt"],
            hero_image_caption=data["image_caption"],
            hero_image_credit="Balkanoscope demo illustration",
            status=Story.Status.PUBLISHED,
            published_at=timezone.now() - timedelta(days=data["days_ago"], hours=index),
            is_featured=data["featured"],
        )
        story.hero_image.save(
            f"demo-{index + 1:02d}.jpg",
            ContentFile(landscape(seed=index + 1)),
            save=False,
        )
        story.save()
        story.countries.set([countries[name] for name in data["countries"]])
        story.themes.set([themes[name] for name in data["themes"]])
        story.tags.set([*data["keywords"], DEMO_KEYWORD])
        story.contributors.set([contributors[name] for name in data["contributors"]])
        return True

    def generate_stories(self, count, countries, themes, batch_size=2000):
        """Many plain stories, fast (bulk inserts), for benchmarks; they reuse the demo images."""
        if not countries or not themes:
            raise CommandError("Load the demo content first: countries and themes are needed.")
        rng = random.Random(count)
        images = list(
            Story.objects.exclude(hero_image="").values_list(
                "hero_image", "hero_image_width", "hero_image_height", "hero_renditions"
            )[:24]
        )
        run = secrets.token_hex(3)
        body = clean_html("".join(f"<p>{paragraph}</p>" for paragraph in GENERATED_PARAGRAPHS))
        minutes = reading_time_minutes(body)
        now = timezone.now()
        for start in range(0, count, batch_size):
            batch = []
            for number in range(start, min(start + batch_size, count)):
                image, width, height, renditions = images[number % len(images)] if images else ("", None, None, [])
                title = f"{rng.choice(GENERATED_SUBJECTS)} {rng.choice(GENERATED_PREDICATES)} ({number + 1})"
                batch.append(
                    Story(
                        title=title,
                        slug=f"generated-{run}-{number + 1}",
                        summary=f"A generated story for load testing: {title.lower()}.",
                        body=body,
                        reading_time=minutes,
                        hero_image=image,
                        hero_image_width=width,
                        hero_image_height=height,
                        hero_renditions=renditions,  # shared files, so pages get a srcset as real ones do
                        hero_image_alt="An illustration of hills under a wide sky" if image else "",
                        storyteller_name=rng.choice(GENERATED_NAMES),
                        location=rng.choice(GENERATED_PLACES),
                        status=Story.Status.PUBLISHED,
                        published_at=now - timedelta(minutes=7 * (number + 1)),
                    )
                )
            with transaction.atomic():
                created = Story.objects.bulk_create(batch)
                TaggedCountry.objects.bulk_create(
                    TaggedCountry(content_object=story, tag=rng.choice(countries)) for story in created
                )
                TaggedTheme.objects.bulk_create(
                    TaggedTheme(content_object=story, tag=theme)
                    for story in created
                    for theme in rng.sample(themes, k=2)
                )
                # bulk_create sends no signals: index the batch in bulk too.
                index_stories([story.pk for story in created])
        ContentVersion.bump()  # bulk inserts send no signals: outdate cached pages and counts here


GENERATED_SUBJECTS = [
    "A miner's daughter",
    "The last baker of the old town",
    "Two sisters",
    "A teacher",
    "The river keeper",
    "A young lawyer",
    "Grandmother Ljubica",
    "A returning nurse",
    "The night-shift driver",
    "A beekeeper",
]
GENERATED_PREDICATES = [
    "counts what the war left behind",
    "waits for a court date",
    "stays when everyone leaves",
    "starts again from nothing",
    "keeps the lights on",
    "writes letters to the ministry",
    "watches the river change colour",
    "learns to speak up",
]
GENERATED_NAMES = [
    "Đorđe Ilić",
    "Жарко Јовановић",
    "Blerta Krasniqi",
    "Ајше Муслиу",
    "Mirela Çela",
    "Nikola Šćepanović",
]
GENERATED_PLACES = [
    "Tuzla",
    "Shkodër",
    "Prizren",
    "Nikšić",
    "Охрид",
    "Niš",
    "Mostar",
    "Korçë",
]
GENERATED_PARAGRAPHS = [
    "This story was generated to measure how the site behaves with many stories.",
    "It has a few paragraphs of ordinary text, so that pages, feeds and search have something to work with.",
    "The places and names are chosen from short lists; the dates are spread over the years.",
    "Nothing here describes a real person.",
]
