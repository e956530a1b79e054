"""`make bench`, Serbian in two scripts: what the Latin transliteration costs an uncached render.

    python -m tests.bench.scripts [repeats]

Seeds a throwaway SQLite site (var/bench-scripts) with Serbian Cyrillic stories, then renders the
same story page and story list in Cyrillic (/sr/…) and in Latin (/sr-latn/…) with the page cache
off, interleaved, and compares the median CPU time: the Latin page may cost at most 20% more
(issue 14). A cached page costs the same in either script: the page cache stores the Latin page.
"""

import os
import shutil
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

from tests.bench.server import bench_secret_key

MAX_LATIN_COST = 1.20
STORIES = 40
FOLDER = Path(__file__).resolve().parents[2] / "var" / "bench-scripts"

SENTENCES = [
    "Ђорђе је одрастао у Бору, где је река деценијама текла жута од рудника.",
    "Његова бака Љубица памти време када се у њој пливало и ловила риба.",
    "Данас у селу живи још двадесетак породица, углавном старијих људи.",
    "Млади одлазе у Београд, Беч или Минхен, а куће остају празне.",
    "„Нико нас није питао”, каже Ђорђе, „ни када су отварали нове копове, ни када су их затварали.”",
    "Ћерка му је лекарка у Немачкој; долази једном годишње, за Божић.",
    "Џемпер који носи исплела је комшиница Нада, последња ткаља у околини.",
]


def story_body(number):
    paragraphs = []
    for paragraph in range(12):
        sentences = [SENTENCES[(number + paragraph + offset) % len(SENTENCES)] for offset in range(5)]
        paragraphs.append(f"<p>{' '.join(sentences)}</p>")
    paragraphs.insert(4, "<h2>Река која памти</h2>")
    return "".join(paragraphs)


def seed():
    from django.utils import timezone

    from stories.models import Story
    from tests.factories import make_country, make_story, make_theme

    serbia, environment = make_country("Србија"), make_theme("Животна средина")
    for number in range(STORIES):
        make_story(
            f"Река која памти, део {number + 1}",
            summary="Прича о води, руднику и људима који остају. " * 2,
            body=story_body(number),
            language="sr",
            countries=[serbia],
            themes=[environment],
            contributors=["Јелена Ђукић"],
            hero_image_alt="Река у сумрак",
            location="Бор",
            published_at=timezone.now() - timedelta(hours=number + 1),
        )
    return Story.objects.published().order_by("-published_at")[STORIES // 2].slug


def median_cpu_ms(client, url, repeats):
    times = []
    for _ in range(repeats):
        started = time.process_time()
        response = client.get(url)
        times.append((time.process_time() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times)


def check_scripts(client, path):
    """The two pages differ as they should: the Latin one has no Cyrillic story text left."""
    cyrillic = client.get("/sr" + path).content.decode()
    latin = client.get("/sr-latn" + path).content.decode()
    assert "Река која памти" in cyrillic and "Reka koja pamti" in latin and "Река која памти" not in latin, path


def measure(repeats):
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    slug = seed()
    settings.PAGE_CACHE = False
    client = Client()
    pages = {"story": f"/stories/{slug}/", "list": "/stories/"}
    results = {}
    for label, path in pages.items():
        for prefix in ("/sr", "/sr-latn"):
            client.get(prefix + path)  # templates compiled, data cache warm
        check_scripts(client, path)
        cyrillic, latin = [], []
        for _round in range(5):  # interleaved, so a busy machine slows both alike
            cyrillic.append(median_cpu_ms(client, "/sr" + path, repeats))
            latin.append(median_cpu_ms(client, "/sr-latn" + path, repeats))
        results[label] = (statistics.median(cyrillic), statistics.median(latin))
    return results


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    shutil.rmtree(FOLDER, ignore_errors=True)
    FOLDER.mkdir(parents=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{FOLDER / 'db.sqlite3'}"
    os.environ["MEDIA_ROOT"] = str(FOLDER / "media")
    os.environ["DJANGO_LOG_LEVEL"] = "WARNING"  # no line per request
    # Rendered as served (`make serve`'s settings), like the main bench's in-process renders:
    # DEBUG would add its own costs to both scripts and understate the transliteration's share.
    os.environ.update(
        DJANGO_DEBUG="false",
        DJANGO_HTTPS="false",
        DJANGO_SECRET_KEY=bench_secret_key(),
        DJANGO_ALLOWED_HOSTS="testserver",
        SITE_URL="http://testserver",
        STATIC_ROOT=str(FOLDER / "static"),
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balkanoscope.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)  # DEBUG off serves the manifest's names
    print("\n== Serbian in two scripts: uncached render CPU, Cyrillic (/sr/) and Latin (/sr-latn/), median ms")
    failed = 0
    for label, (cyrillic, latin) in measure(repeats).items():
        ratio = latin / cyrillic
        passed = ratio <= MAX_LATIN_COST
        failed += not passed
        word = "PASS" if passed else "FAIL"
        print(
            f"  {word}  {label}: Cyrillic {cyrillic:.1f} ms, Latin {latin:.1f} ms, {ratio:.2f}x (at most {MAX_LATIN_COST:.2f}x)"
        )
    shutil.rmtree(FOLDER, ignore_errors=True)
    return failed


if __name__ == "__main__":
    sys.exit(main())
