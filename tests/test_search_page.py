"""The search page: results, snippets, filters, pagination, empty states, accessibility."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from lxml import html

from stories.models import ContentVersion, Story, StorySearchDocument, TaggedCountry, TaggedTheme
from stories.search import (
    highlight,
    index_stories,
    query_terms,
)
from stories.search.words import MAX_QUERY_LENGTH
from tests.factories import CONSENT_FORM_FIELDS, make_contributor, make_country, make_story, make_theme, make_user
from tests.test_search import found, result_titles, search_page

pytestmark = pytest.mark.django_db


# The page.


def test_search_page_shows_count_results_and_highlighted_snippets(client):
    make_story("The river", summary="A story about a river.", body="<p>Fishing on the Drina every morning.</p>")
    make_story("The mountain")
    _, tree = search_page(client, q="drina")
    assert result_titles(tree) == ["The river"]
    assert tree.cssselect(".result-count")[0].text_content().strip() == "1 story matches “drina”"
    snippet = tree.cssselect(".story-card__snippet")[0]
    assert [mark.text for mark in snippet.cssselect("mark")] == ["Drina"]
    assert "Fishing on the Drina every morning." in snippet.text_content()


def test_snippets_escape_stored_text_before_marking_it(client):
    make_story(
        "Escaping",
        summary="<b>bold</b> river",
        body="<p>The river &lt;script&gt;alert(1)&lt;/script&gt; and <em>more</em>.</p>",
    )
    response, tree = search_page(client, q="river")
    snippet = tree.cssselect(".story-card__snippet")[0]
    assert not snippet.cssselect("b, script, em")
    assert [mark.text for mark in snippet.cssselect("mark")] == ["river", "river"]
    assert "<script>alert(1)" in snippet.text_content()  # shown as text, not run
    assert b"<script>alert" not in response.content


def test_highlight_marks_folded_matches_in_a_window_around_the_first_one():
    text = " ".join(f"word{n}" for n in range(100)) + " Đorđe's house, near Djordje."
    snippet = highlight(text, query_terms("dorde"))
    assert snippet.startswith("…word92")
    assert snippet.endswith("near <mark>Djordje</mark>.")
    assert "<mark>Đorđe&#x27;s</mark>" in snippet
    assert highlight("nothing here", query_terms("dorde")) == ""


def test_snippets_set_a_heading_apart_from_the_next_paragraph(client):
    make_story("Water", summary="A summary.", body="<h2>July</h2><p>The well ran dry.</p><h2>Why?</h2><p>No rain.</p>")
    _, tree = search_page(client, q="well")
    (snippet,) = tree.cssselect(".story-card__snippet")
    assert " ".join(snippet.text_content().split()) == "A summary. July · The well ran dry. Why? No rain."
    assert snippet.cssselect(".snippet-break[aria-hidden=true]")


def test_a_match_outside_the_text_shows_the_summary(client):
    make_story("Drina", summary="Plain & simple summary.", body="<p>Nothing else.</p>")
    _, tree = search_page(client, q="drina")
    snippet = tree.cssselect(".story-card__snippet, .story-card__summary")[0]
    assert snippet.text_content().strip() == "Plain & simple summary."


def test_search_filters_by_country_and_theme_shown_and_removable(client):
    serbia, albania = make_country("Serbia"), make_country("Albania")
    corruption = make_theme("Corruption")
    make_story("River one", countries=[serbia], themes=[corruption])
    make_story("River two", countries=[serbia])
    make_story("River three", countries=[albania], themes=[corruption])
    assert sorted(found("river", country=serbia)) == ["River one", "River two"]
    _, tree = search_page(client, q="river", country="serbia", theme="corruption")
    assert result_titles(tree) == ["River one"]
    chips = {a.text_content().split(":")[0].strip(): a.get("href") for a in tree.cssselect(".chip--removable")}
    assert chips == {"Country": "?q=river&theme=corruption", "Theme": "?q=river&country=serbia"}
    assert tree.cssselect("#search-country option[selected]")[0].get("value") == "serbia"
    _, tree = search_page(client, q="river", country="", theme="")
    assert len(result_titles(tree)) == 3
    assert not tree.cssselect(".chip--removable")


@pytest.mark.parametrize("params", [{"country": "atlantis"}, {"theme": "nope"}, {"country": "x" * 500}])
def test_unknown_filters_are_404(client, params):
    make_country("Serbia")
    search_page(client, status=404, q="river", **params)


def test_search_paginates_twelve_per_page_and_keeps_the_query(client):
    for n in range(14):
        make_story(f"River {n:02d}", published_at=timezone.now() - timedelta(hours=n + 1))
    _, tree = search_page(client, q="river")
    assert result_titles(tree) == [f"River {n:02d}" for n in range(12)]
    assert tree.cssselect("a.pagination__link[rel='next']")[0].get("href") == "?q=river&page=2"
    _, tree = search_page(client, q="river", page="2")
    assert result_titles(tree) == ["River 12", "River 13"]
    search_page(client, status=404, q="river", page="3")


def test_an_empty_query_shows_a_helpful_empty_state(client):
    make_story("The river")
    _, tree = search_page(client)
    assert not result_titles(tree)
    assert tree.cssselect(".empty-state a[href='/stories/']")
    assert "What are you looking for?" in tree.cssselect(".empty-state")[0].text_content()


def test_no_results_shows_an_empty_state_with_the_query(client):
    make_story("The river")
    _, tree = search_page(client, q="volcano")
    assert "No stories match “volcano”." in tree.cssselect(".empty-state")[0].text_content()
    assert tree.cssselect(".result-count")[0].text_content().strip() == "0 stories match “volcano”"


BAD_QUERIES = [
    "",
    "   ",
    "x" * 1000,
    "river " * 200,
    '"',
    '"river',
    "*",
    "river*",
    "-",
    "-river",
    "AND",
    "river AND OR NOT NEAR",
    "NEAR(river mill, 2)",
    "(",
    "river)",
    "title:river",
    "^river",
    "river\x00",
    "\x00",
    "%",
    "_",
    "'",
    "\\",
    "река",
    "Ђорђе",
    "💥",
    "<script>alert('x')</script>",
    "&amp; &lt;",
]


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_odd_queries_answer_with_results_or_an_empty_state_and_are_escaped(client, query):
    make_story("River mill", body="<p>Река и млин.</p>")
    response = client.get(reverse("stories:search"), {"q": query})
    assert response.status_code == 200
    assert b"<script>alert" not in response.content
    tree = html.fromstring(response.content)
    assert result_titles(tree) or tree.cssselect(".empty-state")
    shown = tree.cssselect("#search-query")[0].get("value")
    assert len(shown) <= MAX_QUERY_LENGTH and "\x00" not in shown


def test_search_pages_are_not_indexed_by_search_engines(client):
    _, tree = search_page(client, q="river")
    assert tree.cssselect("meta[name='robots']")[0].get("content") == "noindex, follow"


def test_every_page_has_a_labelled_search_form_in_the_header(client):
    for url in ["/", "/stories/", "/countries/"]:
        tree = html.fromstring(client.get(url).content)
        form = tree.cssselect("header form[role='search']")[0]
        assert form.get("action") == "/search/" and form.get("method") == "get"
        field = form.cssselect("input[type='search'][name='q']")[0]
        assert form.cssselect(f"label[for='{field.get('id')}']")[0].text_content().strip() == "Search stories"


def test_search_page_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    serbia, corruption = make_country("Serbia"), make_theme("Corruption")

    def queries_for_search():
        # One of them reads the countries with footnotes, which the page may name (cached per content version).
        with django_assert_max_num_queries(11) as captured:
            search_page(client, q="river", country="serbia", theme="corruption")
        return len(captured)

    for n in range(5):
        make_story(f"River {n}", countries=[serbia], themes=[corruption], contributors=["Ana"])
    with_five = queries_for_search()
    stories = Story.objects.bulk_create(
        Story(title=f"Bulk river {n}", slug=f"bulk-river-{n}", summary="s", status=Story.Status.PUBLISHED,
              published_at=timezone.now() - timedelta(minutes=n))
        for n in range(195)
    )  # fmt: skip
    TaggedCountry.objects.bulk_create(TaggedCountry(content_object=story, tag=serbia) for story in stories)
    TaggedTheme.objects.bulk_create(TaggedTheme(content_object=story, tag=corruption) for story in stories)
    index_stories([story.pk for story in stories])
    ContentVersion.bump()  # bulk inserts send no signals, as in seed_demo
    assert len(found("river", country=serbia, theme=corruption)) == 200
    assert queries_for_search() == with_five


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("url", ["/search/?q=river&country=serbia", "/search/?q=volcano", "/search/"])
def test_search_page_fits_a_phone_and_passes_axe(browser, live_server, url):
    from tests.browser import axe_violations

    serbia = make_country("Serbia")
    make_story("The river", countries=[serbia], body="<p>A long river " + "and more words " * 40 + "</p>")
    context = browser.new_context(base_url=live_server.url, viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(url)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert axe_violations(page) == []
    context.close()


def test_dumpdata_and_loaddata_leave_the_full_text_table_alone(tmp_path):
    make_story("The river", countries=["Serbia"])
    fixture = tmp_path / "stories.json"
    call_command("dumpdata", "stories", output=str(fixture), verbosity=0)
    assert "sqlitefulltextentry" not in fixture.read_text()
    Story.objects.all().delete()
    call_command("loaddata", str(fixture), verbosity=0)
    assert found("river") == ["The river"]


def test_the_database_indexes_the_search_documents_itself():
    story = make_story("River")
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'stories_search_document_vector_gin'")
            assert "USING gin (vector)" in cursor.fetchone()[0]
            assert "'river':1A" in StorySearchDocument.objects.get(story=story).vector  # set by the trigger
        else:
            cursor.execute("SELECT story_id FROM stories_search_fts WHERE stories_search_fts MATCH 'river'")
            assert cursor.fetchall() == [(story.pk,)]


def test_migrate_indexes_stories_left_without_a_search_document():
    make_story("River")
    StorySearchDocument.objects.all().delete()
    call_command("migrate", verbosity=0)
    assert found("river") == ["River"]


def test_a_story_published_from_the_admin_is_found_by_its_tags(client):
    from tests.test_admin import story_form_data

    client.force_login(make_user("chief", is_superuser=True))
    data = story_form_data(
        status="published",
        contributors=[make_contributor("Mira Lazić").pk],
        **CONSENT_FORM_FIELDS,
    )
    assert client.post(reverse("admin:stories_story_add"), data).status_code == 302
    for query in ["Đorđe", "serbia", "poverty", "mining", "youth", "lazic"]:
        assert found(query) == ["Đorđe's new story"], query
