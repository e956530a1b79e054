"""Search: what readers find at /search/, on SQLite (FTS5) and PostgreSQL (tsvector)."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from lxml import html

from stories import search
from stories.models import ContentVersion, Contributor, Story, StorySearchDocument, TaggedCountry, TaggedTheme
from stories.search import (
    highlight,
    index_stories,
    load_results,
    query_terms,
    rank_stories,
    search_words,
)
from stories.search.words import MAX_QUERY_LENGTH
from tests.bench.generate import generate_stories
from tests.factories import CONSENT_FORM_FIELDS, make_contributor, make_country, make_story, make_theme, make_user

pytestmark = pytest.mark.django_db


def search_page(client, status=200, **params):
    response = client.get(reverse("stories:search"), params)
    assert response.status_code == status, response.content[:500]
    return response, html.fromstring(response.content) if status == 200 else None


def found(query, **filters):
    return [story.title for story in load_results(rank_stories(query, **filters).story_ids)]


def result_titles(tree):
    return [a.text_content().strip() for a in tree.cssselect(".story-card__title a")]


# Folding: one function for the index and the query.


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Đorđe", ["dorde"]),
        ("Djordje", ["dorde"]),
        ("Dorde", ["dorde"]),
        ("Ђорђе", ["dorde"]),
        ("Жарко Јовановић", ["zarko", "jovanovic"]),
        ("Žarko Jovanović", ["zarko", "jovanovic"]),
        ("SARAJEVO, Mostar!", ["sarajevo", "mostar"]),
        ("Shkodër, Korçë", ["shkoder", "korce"]),
        ("Tito's \x00 <b>", ["titos", "b"]),
    ],
)
def test_search_words_fold_case_diacritics_and_script(text, words):
    assert search_words(text) == words


def test_query_terms_drop_operators_and_are_capped():
    assert query_terms('"war" AND -peace OR NEAR') == ("war", "peace")
    assert query_terms("near and or") == ("near", "and", "or")  # lowercase: plain words
    assert len(query_terms(" ".join(f"word{n}" for n in range(50)))) == 8
    assert query_terms("x" * 1000) == ("x" * MAX_QUERY_LENGTH,)


# What is searched, and how it is ranked.


@pytest.mark.parametrize(
    "fields",
    [
        {"subtitle": "A lighthouse keeper"},
        {"summary": "Summary about a lighthouse."},
        {"body": "<p>She walked to the <strong>lighthouse</strong> every day.</p>"},
        {"storyteller_name": "Lighthouse Keeperova"},
        {"location": "Lighthouse Bay"},
        {"contributors": ["Ana Lighthouse"]},
        {"countries": ["Lighthouse Republic"]},
        {"themes": ["Lighthouses"]},
        {"keywords": ["lighthouse"]},
    ],
    ids=lambda fields: next(iter(fields)),
)
def test_every_public_field_is_searched(fields):
    make_story("Untitled", **fields)
    make_story("Unrelated")
    assert found("lighthouse") == ["Untitled"]


def test_title_matches_come_first_then_rank_then_recency():
    now = timezone.now()
    make_story("Older title river", published_at=now - timedelta(days=3))
    make_story("Body only", body="<p>Down by the river.</p>", published_at=now - timedelta(hours=1))
    make_story("Newer title river", published_at=now - timedelta(days=1))
    make_story("Summary only", summary="A river runs through it.", published_at=now - timedelta(days=2))
    assert found("river") == ["Newer title river", "Older title river", "Summary only", "Body only"]


def test_ranking_reads_a_bounded_number_of_the_newest_matches(monkeypatch):
    monkeypatch.setattr(search.ranking, "MAX_RANKED_MATCHES", 3)
    now = timezone.now()
    make_story("Oldest title river", published_at=now - timedelta(days=9))
    for n in range(5):
        make_story(f"Story {n}", body="<p>By the river.</p>", published_at=now - timedelta(days=5 - n))
    make_story("Newest title river", published_at=now - timedelta(hours=1))
    ranking = rank_stories("river")
    # The three newest matches, and the title match however old: titles still come first, the
    # one among the ranked matches before the older one.
    titles = [story.title for story in load_results(ranking.story_ids)]
    assert titles == ["Newest title river", "Oldest title river", "Story 4", "Story 3"]
    assert ranking.more_than == 3
    assert rank_stories("oldest").more_than is None


def test_a_search_with_more_matches_than_are_ranked_says_so(client, monkeypatch):
    monkeypatch.setattr(search.ranking, "MAX_RANKED_MATCHES", 3)
    for n in range(4):
        make_story(f"River {n}")
    _, tree = search_page(client, q="river")
    assert tree.cssselect(".result-count")[0].text_content().strip() == (
        "More than 3 stories match “river”: the best of the newest come first. Add a word or a filter to narrow them down."
    )
    assert len(result_titles(tree)) == 3
    _, tree = search_page(client, q="river 1")
    assert tree.cssselect(".result-count")[0].text_content().strip() == "1 story matches “river 1”"


def sqlite_steps(function):
    """How many virtual-machine instructions SQLite runs for `function`: a measure of work
    that, unlike time, does not depend on the machine."""
    steps = 0

    def count():
        nonlocal steps
        steps += 1

    connection.ensure_connection()
    connection.connection.set_progress_handler(count, 1)
    try:
        function()
    finally:
        connection.connection.set_progress_handler(None, 1)
    return steps


def add_river_stories(count, start):
    stories = Story.objects.bulk_create(
        Story(title=f"Bulk {n}", slug=f"bulk-{n}", summary="By the river.", status=Story.Status.PUBLISHED,
              published_at=timezone.now() - timedelta(minutes=n))
        for n in range(start, start + count)
    )  # fmt: skip
    index_stories([story.pk for story in stories])
    merge_full_text_segments()


def merge_full_text_segments():
    """FTS5 keeps each batch of writes in a segment until it merges them; reading a word
    reads every segment. Merged, the count measures the matches, not the write history."""
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO stories_search_fts(stories_search_fts) VALUES ('optimize')")


@pytest.mark.skipif(connection.vendor != "sqlite", reason="counts SQLite's own instructions")
def test_ranking_work_does_not_grow_with_the_number_of_matches(monkeypatch):
    """FTS5 yields matches newest first and the LIMIT ends the walk: three times the matches,
    the same work (ranking every match takes three times as much). The count includes
    FTS5's own reads of its index pages, which it makes through SQL."""
    monkeypatch.setattr(search.ranking, "MAX_RANKED_MATCHES", 10)
    add_river_stories(1000, start=0)
    with_a_thousand = sqlite_steps(lambda: rank_stories("river"))
    add_river_stories(2000, start=1000)
    with_three_thousand = sqlite_steps(lambda: rank_stories("river"))
    assert len(rank_stories("river").story_ids) == 10
    assert with_three_thousand < with_a_thousand * 1.2, (with_a_thousand, with_three_thousand)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="counts SQLite's own instructions")
def test_filtered_search_work_does_not_grow_with_the_stories_filtered_out():
    """A country is part of the full-text match: FTS5 skips the other countries' stories in
    its index instead of handing each to SQLite to be checked."""
    serbia = make_country("Serbia")
    add_river_stories(20, start=0)
    TaggedCountry.objects.bulk_create(TaggedCountry(content_object=story, tag=serbia) for story in Story.objects.all())
    index_stories(Story.objects.all())
    merge_full_text_segments()
    with_few_others = sqlite_steps(lambda: rank_stories("river", country=serbia))
    add_river_stories(2000, start=20)
    with_many_others = sqlite_steps(lambda: rank_stories("river", country=serbia))
    assert len(rank_stories("river", country=serbia).story_ids) == 20
    assert with_many_others < with_few_others * 1.5, (with_few_others, with_many_others)


def test_every_word_must_match_and_prefixes_find_inflected_forms():
    make_story("Winter in Sarajevu")
    make_story("Winter in Mostar")
    assert found("sarajev winter") == ["Winter in Sarajevu"]
    assert found("sarajev summer") == []


@pytest.mark.parametrize("query", ["Đorđe", "đorđe", "DJORDJE", "Djordje", "Dorde", "dorde", "Ђорђе", "ЂОРЂЕ"])
def test_diacritics_case_and_script_do_not_matter(query):
    make_story("Đorđe by the river")
    make_story("Djordje at the market")
    make_story("Dorde in the snow")
    make_story("Ђорђе на реци")
    make_story("Darko elsewhere")
    assert sorted(found(query)) == sorted(
        ["Đorđe by the river", "Djordje at the market", "Dorde in the snow", "Ђорђе на реци"]
    )


def test_latin_queries_find_cyrillic_text_and_back():
    make_story("Жарко и река", storyteller_name="Жарко Јовановић")
    make_story("Sarajevo in winter")
    assert found("zarko jovanovic") == ["Жарко и река"]
    assert found("Žarko") == ["Жарко и река"]
    assert found("Сарајево") == ["Sarajevo in winter"]
    assert found("sarajevo") == found("SARAJEVO") == ["Sarajevo in winter"]


def test_an_anonymous_storytellers_name_is_never_found():
    story = make_story("A quiet story", storyteller_name="Vesna Zeljković", is_storyteller_anonymous=True)
    assert found("Zeljkovic") == []
    story.is_storyteller_anonymous = False
    story.save()
    assert found("Zeljkovic") == ["A quiet story"]
    story.is_storyteller_anonymous = True
    story.save()
    assert found("Zeljkovic") == []
    assert "zeljkovic" not in StorySearchDocument.objects.get(story=story).details


def test_drafts_reviews_and_scheduled_stories_are_never_found_until_due():
    make_story("Draft river", status=Story.Status.DRAFT)
    make_story("Review river", status=Story.Status.REVIEW)
    scheduled = make_story("Scheduled river", published_at=timezone.now() + timedelta(days=1))
    make_story("Live river")
    assert found("river") == ["Live river"]
    # The time comes: no save, no reindexing, and the story is found.
    Story.objects.filter(pk=scheduled.pk).update(published_at=timezone.now() - timedelta(minutes=1))
    assert sorted(found("river")) == ["Live river", "Scheduled river"]


# Keeping the index in step.


def test_editing_and_deleting_a_story_updates_the_index():
    story = make_story("The old mill", summary="A place.", body="<p>A place.</p>")
    assert found("mill") == ["The old mill"]
    story.title = "The new bridge"
    story.save()
    assert found("mill") == []
    assert found("bridge") == ["The new bridge"]
    story.delete()
    assert found("bridge") == []
    assert not StorySearchDocument.objects.exists()


def test_changing_countries_themes_and_keywords_updates_the_index():
    story = make_story("Plain title", countries=["Albania"], themes=["Poverty"], keywords=["bees"])
    assert found("albania") == found("poverty") == found("bees") == ["Plain title"]
    story.countries.set([make_country("Kosovo")])
    story.themes.set([make_theme("Environment")])
    story.tags.set(["honey"])
    assert found("albania") == found("poverty") == found("bees") == []
    assert found("kosovo") == found("environment") == found("honey") == ["Plain title"]
    story.tags.clear()
    assert found("honey") == []


def test_filtered_search_follows_the_stories_countries_and_themes():
    albania, kosovo, poverty = make_country("Albania"), make_country("Kosovo"), make_theme("Poverty")
    story = make_story("River story", countries=[albania], themes=[poverty])
    assert found("river", country=albania, theme=poverty) == ["River story"]
    story.countries.set([kosovo])
    assert found("river", country=albania) == []
    assert found("river", country=kosovo, theme=poverty) == ["River story"]
    story.themes.clear()
    assert found("river", country=kosovo, theme=poverty) == []
    assert found("river", country=kosovo) == ["River story"]


def test_renaming_or_deleting_a_country_theme_keyword_or_contributor_updates_the_index():
    story = make_story(
        "Plain title", countries=["Albania"], themes=["Poverty"], keywords=["bees"], contributors=["Ana Kovač"]
    )
    country, theme, keyword = story.countries.get(), story.themes.get(), story.tags.get()
    contributor = Contributor.objects.get(name="Ana Kovač")
    for item, new_name in [
        (country, "Shqipëria"),
        (theme, "Hardship"),
        (keyword, "hives"),
        (contributor, "Ana Horvat"),
    ]:
        item.name = new_name
        item.save()
    assert found("albania") == found("poverty") == found("bees") == found("kovac") == []
    assert found("shqiperia") == found("hardship") == found("hives") == found("horvat") == ["Plain title"]
    for item in (country, theme, keyword, contributor):
        item.delete()
    assert found("shqiperia") == found("hardship") == found("hives") == found("horvat") == []


def test_changing_bylines_from_either_side_updates_the_index():
    story = make_story("Plain title")
    contributor = make_contributor("Mira Lazić")
    story.contributors.add(contributor)
    assert found("lazic") == ["Plain title"]
    contributor.stories.clear()
    assert found("lazic") == []
    contributor.stories.add(story)
    assert found("lazic") == ["Plain title"]
    story.contributors.remove(contributor)
    assert found("lazic") == []


def test_bulk_generated_stories_are_indexed_and_the_index_can_be_rebuilt():
    generate_stories(3, [make_country("Serbia")], [make_theme("Poverty"), make_theme("Crime")])
    assert len(found("generated")) == 3
    StorySearchDocument.objects.all().delete()
    assert found("generated") == []
    call_command("rebuild_search_index", verbosity=0)
    assert len(found("generated")) == 3


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
