"""Readership without tracking: story views counted on the server, cached pages included,
with nothing about the reader kept anywhere, no query per page, the editors' readership page,
its CSV exports, and the home page's most read."""

import csv
import io
import pickle
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from lxml import html

from stories.editorial.roles import CONTRIBUTOR, EDITOR
from stories.models import DailyReferrerViews, DailyStoryViews, Story
from stories.readership import counter
from stories.readership.chart import bar_chart, nice_ceiling
from stories.readership.views import spreadsheet_safe
from tests.factories import make_story, make_user

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) TestBrowser/1.0"
READER = {"HTTP_USER_AGENT": BROWSER}


@pytest.fixture
def story():
    return make_story("Water for Bor", countries=["Serbia"], themes=["Poverty"])


@pytest.fixture
def no_flush_due():
    """As if a batch had just been written: no request of the test writes one."""
    counter.is_flush_due()


def views_of(story):
    counter.flush()
    return sum(DailyStoryViews.objects.filter(story=story).values_list("views", flat=True))


def test_a_story_view_counts_and_a_page_from_the_cache_counts_too(
    client, story, no_flush_due, django_assert_num_queries
):
    url = story.get_absolute_url()
    assert client.get(url, **READER).status_code == 200
    with django_assert_num_queries(1):  # served from the page cache: the content version only
        assert client.get(url, **READER).status_code == 200
    assert views_of(story) == 2
    assert DailyStoryViews.objects.get(story=story).viewed_on == timezone.localdate()


def test_counting_adds_no_query_to_a_page(client, story, no_flush_due, settings, django_assert_num_queries):
    url = story.get_absolute_url()
    client.get(url, **READER)
    with django_assert_num_queries(1):
        client.get(url, **READER)
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if "readership" not in name]
    with django_assert_num_queries(1):
        client.get(url, **READER)


def test_bots_previews_prefetches_and_the_newsroom_are_not_readers(client, story, no_flush_due):
    url = story.get_absolute_url()
    for agent in ("", "Googlebot/2.1 (+http://www.google.com/bot.html)", "facebookexternalhit/1.1", "curl/8.0"):
        client.get(url, HTTP_USER_AGENT=agent)
    client.get(url, HTTP_SEC_PURPOSE="prefetch", **READER)
    client.head(url, **READER)
    client.get("/stories/no-such-story/", **READER)
    editor = make_user("editor", groups=[Group.objects.get(name=EDITOR)])
    client.force_login(editor)
    client.get(url, **READER)
    assert views_of(story) == 0


def test_only_the_referring_domain_is_kept_and_never_our_own(client, story, no_flush_due):
    url = story.get_absolute_url()
    client.get(url, HTTP_REFERER="https://www.news.example.org/article?id=5&utm_source=x", **READER)
    client.get(url, HTTP_REFERER="https://news.example.org/other", **READER)
    client.get(url, HTTP_REFERER="https://balkanoscope.example/", **READER)
    client.get(url, **READER)
    counter.flush()
    assert list(DailyReferrerViews.objects.values_list("domain", "views")) == [("news.example.org", 2)]


def test_nothing_about_the_reader_is_stored_or_set(client, story, no_flush_due):
    response = client.get(
        story.get_absolute_url(),
        REMOTE_ADDR="203.0.113.9",
        HTTP_REFERER="https://news.example.org/article?id=5",
        **READER,
    )
    assert not response.cookies and "Set-Cookie" not in response
    stored_in_cache = b"".join(
        key.encode() + value for key, value in cache._cache.items() if counter.PREFIX.encode() in key.encode()
    )
    counter.flush()
    stored_in_database = repr(
        [*DailyStoryViews.objects.values(), *DailyReferrerViews.objects.values()]
    ).encode() + pickle.dumps(list(DailyStoryViews.objects.values_list()))
    for trace in (b"203.0.113.9", b"TestBrowser", b"Mozilla", b"article", b"id=5"):
        assert trace not in stored_in_cache and trace not in stored_in_database, trace
    assert {field.name for field in DailyStoryViews._meta.get_fields()} == {"id", "story", "viewed_on", "views"}
    assert {field.name for field in DailyReferrerViews._meta.get_fields()} == {"id", "domain", "viewed_on", "views"}


def test_a_flush_writes_each_view_once_and_keeps_views_counted_meanwhile(story):
    for _ in range(3):
        counter.count_view(story.slug, user_agent=BROWSER)
    assert counter.flush() == 3
    assert counter.flush() == 0
    counter.count_view(story.slug, user_agent=BROWSER)
    assert counter.flush() == 1
    assert DailyStoryViews.objects.get(story=story).views == 4


def test_a_second_flush_at_the_same_time_waits_its_turn(story):
    counter.count_view(story.slug, user_agent=BROWSER)
    cache.add(f"{counter.PREFIX}:flush-lock", 1)
    assert counter.flush() == 0
    cache.delete(f"{counter.PREFIX}:flush-lock")
    assert counter.flush() == 1


def test_a_flush_sends_no_signal_so_cached_pages_stay(story, client, django_assert_num_queries):
    client.get(story.get_absolute_url(), **READER)  # the flush is due: it runs after this response
    assert DailyStoryViews.objects.filter(story=story).exists()
    with django_assert_num_queries(1):  # still a cache hit: counting did not outdate the page
        client.get(story.get_absolute_url(), **READER)


def test_views_of_unpublished_stories_are_not_written(story):
    counter.count_view(story.slug, user_agent=BROWSER)
    Story.objects.filter(pk=story.pk).update(status=Story.Status.DRAFT)
    counter.flush()
    assert not DailyStoryViews.objects.exists()


def test_the_management_command_writes_the_batch(story, capsys):
    counter.count_view(story.slug, user_agent=BROWSER)
    call_command("flush_readership")
    assert capsys.readouterr().out.strip() == "1 story views written."


# The readership page --------------------------------------------------------------------


def add_views(story, days_ago, views):
    DailyStoryViews.objects.create(story=story, viewed_on=timezone.localdate() - timedelta(days=days_ago), views=views)


def readership(client, **query):
    return client.get(reverse("admin:readership"), query)


def test_the_readership_page_charts_the_days_and_lists_the_most_read(client, story):
    other = make_story("Kosovo's bakers", countries=["Kosovo"], themes=["Unemployment"])
    add_views(story, 0, 40), add_views(story, 20, 100), add_views(other, 1, 60), add_views(other, 100, 500)
    DailyReferrerViews.objects.create(domain="news.example.org", viewed_on=timezone.localdate(), views=7)
    client.force_login(make_user("editor", groups=[Group.objects.get(name=EDITOR)]))
    page = html.fromstring(readership(client).content.decode())
    assert len(page.cssselect(".readership-chart rect")) == 30
    assert "200 views in all" in page.cssselect(".readership__total")[0].text_content()
    tops = [
        [li.text_content().split()[-1] for li in section.cssselect("li")]
        for section in page.cssselect(".readership__top")
    ]
    assert tops == [["60", "40"], ["140", "60"], ["560", "140"]]
    countries = {
        row.cssselect("th")[0].text_content(): row.cssselect("td")[0].text_content()
        for row in page.cssselect("#readership-countries tbody tr")
    }
    assert countries == {"Serbia": "140", "Kosovo": "60"}
    assert "news.example.org" in page.cssselect("#readership-referrers")[0].text_content()
    week = html.fromstring(readership(client, days=7).content.decode())
    assert len(week.cssselect(".readership-chart rect")) == 7


def test_the_readership_page_shows_views_counted_but_not_yet_written(client, story):
    counter.count_view(story.slug, user_agent=BROWSER)
    client.force_login(make_user("editor", groups=[Group.objects.get(name=EDITOR)]))
    assert "1 view in all" in readership(client).content.decode()


def test_the_readership_page_is_for_editors(client):
    client.force_login(make_user("contributor", groups=[Group.objects.get(name=CONTRIBUTOR)]))
    assert readership(client).status_code == 403


def test_the_csv_exports_give_story_views_and_referrers_per_day(client, story):
    add_views(story, 1, 12)
    DailyReferrerViews.objects.create(domain="news.example.org", viewed_on=timezone.localdate(), views=3)
    client.force_login(make_user("editor", groups=[Group.objects.get(name=EDITOR)]))
    response = readership(client, export="stories")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="story-views-')
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    day = (timezone.localdate() - timedelta(days=1)).isoformat()
    assert rows == [
        ["day", "story_id", "title", "address", "countries", "themes", "views"],
        [day, str(story.pk), "Water for Bor", story.get_absolute_url(), "Serbia", "Poverty", "12"],
    ]
    referrers = list(csv.reader(io.StringIO(readership(client, export="referrers").content.decode())))
    assert referrers == [["day", "domain", "views"], [timezone.localdate().isoformat(), "news.example.org", "3"]]


def test_cells_a_spreadsheet_would_run_are_made_text():
    assert spreadsheet_safe("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert spreadsheet_safe("Water for Bor") == "Water for Bor"


def test_the_chart_scale_is_round_and_the_bars_proportional():
    assert [nice_ceiling(value) for value in (0, 7, 10, 11, 240, 501)] == [1, 10, 10, 20, 500, 1000]
    today = timezone.localdate()
    chart = bar_chart([(today - timedelta(days=1), 50), (today, 100)])
    assert chart["bars"][0].height * 2 == chart["bars"][1].height
    assert [tick.label for tick in chart["ticks"]] == ["0", "50", "100"]


# The home page ------------------------------------------------------------------------


def test_the_home_page_lists_the_most_read_of_the_month(client, story):
    other = make_story("Kosovo's bakers")
    old = make_story("Last year's favourite")
    hidden = make_story("Unpublished since", status=Story.Status.DRAFT)
    add_views(story, 2, 10), add_views(other, 3, 30), add_views(old, 60, 900), add_views(hidden, 1, 999)
    page = html.fromstring(client.get("/").content.decode())
    assert [a.text_content() for a in page.cssselect(".most-read a")] == ["Kosovo's bakers", "Water for Bor"]


def test_the_home_page_has_no_most_read_list_without_views(client, story):
    assert not html.fromstring(client.get("/").content.decode()).cssselect(".most-read")


def test_the_footer_links_the_privacy_page_that_says_the_same_in_readers_words(client, story):
    from partners.demo.seeding import seed
    from partners.models import Page

    assert b"what we never collect" not in client.get("/").content.lower()  # no page, no link
    seed()
    privacy = Page.objects.get(slug="privacy")
    footer = html.fromstring(client.get(story.get_absolute_url()).content).cssselect(".site-footer__note a")
    assert [link.get("href") for link in footer] == ["/pages/privacy/"]
    text = client.get("/pages/privacy/").content.decode()
    for promise in ["No cookies", "No IP address", "No third parties", "website's name"]:
        assert promise in text
    assert privacy.title == "Privacy"


def test_a_view_that_finds_a_batch_due_writes_it_once_the_response_is_done(client, story):
    """Through Django's handler the batch waits for request_finished (balkanoscope/after_response.py);
    tests/test_cache_front.py proves the same for a hit the WSGI front answers."""
    assert client.get(story.get_absolute_url(), **READER).status_code == 200  # the day's first view: a batch is due
    assert DailyStoryViews.objects.get(story=story).views == 1  # written, without calling flush()
