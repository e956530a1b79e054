"""Many plain stories, fast (bulk inserts), for the bench: `python -m tests.bench.generate N`.

Run after `manage.py seed_demo`: the stories get the demo countries and themes and reuse the
demo stories' images, so pages get a srcset as real ones do. Nothing here describes a real person.
"""

import os
import random
import secrets
import sys
from datetime import timedelta


def generate_stories(count, countries, themes, batch_size=2000):
    """`count` published stories, each with one of `countries` and two of `themes`."""
    from django.db import transaction
    from django.utils import timezone

    from stories.models import ContentVersion, Story, TaggedCountry, TaggedTheme
    from stories.sanitize import clean_html
    from stories.search import index_stories
    from stories.text import reading_time_minutes

    if not countries or not themes:
        raise ValueError("Load the demo content first: countries and themes are needed.")
    rng = random.Random(count)
    images = list(
        Story.objects.exclude(hero_image="").values_list(
            "hero_image", "hero_image_width", "hero_image_height", "hero_renditions"
        )[:24]
    )
    run = secrets.token_hex(3)
    body = clean_html("".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS))
    minutes = reading_time_minutes(body)
    now = timezone.now()
    for start in range(0, count, batch_size):
        batch = []
        for number in range(start, min(start + batch_size, count)):
            image, width, height, renditions = images[number % len(images)] if images else ("", None, None, [])
            title = f"{rng.choice(SUBJECTS)} {rng.choice(PREDICATES)} ({number + 1})"
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
                    storyteller_name=rng.choice(NAMES),
                    location=rng.choice(PLACES),
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
                TaggedTheme(content_object=story, tag=theme) for story in created for theme in rng.sample(themes, k=2)
            )
            # bulk_create sends no signals: index the batch in bulk too.
            index_stories([story.pk for story in created])
    ContentVersion.bump()  # bulk inserts send no signals: outdate cached pages and counts here


SUBJECTS = [
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
PREDICATES = [
    "counts what the war left behind",
    "waits for a court date",
    "stays when everyone leaves",
    "starts again from nothing",
    "keeps the lights on",
    "writes letters to the ministry",
    "watches the river change colour",
    "learns to speak up",
]
NAMES = [
    "Đorđe Ilić",
    "Жарко Јовановић",
    "Blerta Krasniqi",
    "Ајше Муслиу",
    "Mirela Çela",
    "Nikola Šćepanović",
]
PLACES = [
    "Tuzla",
    "Shkodër",
    "Prizren",
    "Nikšić",
    "Охрид",
    "Niš",
    "Mostar",
    "Korçë",
]
PARAGRAPHS = [
    "This story was generated to measure how the site behaves with many stories.",
    "It has a few paragraphs of ordinary text, so that pages, feeds and search have something to work with.",
    "The places and names are chosen from short lists; the dates are spread over the years.",
    "Nothing here describes a real person.",
]


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balkanoscope.settings")
    import django

    django.setup()
    from stories.models import Country, Theme

    count = int(sys.argv[1])
    generate_stories(count, list(Country.objects.all()), list(Theme.objects.all()))
    print(f"Generated {count} stories.")
