"""Search: what readers find at /search/, on SQLite (FTS5) and PostgreSQL (tsvector)."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from lxml import html

from stories import search
from stories.models import Contributor, Story, StorySearchDocument, TaggedCountry
from stories.search import (
    index_stories,
    indexing_deferred,
    load_results,
    query_terms,
    rank_stories,
    search_words,
)
from stories.search.words import MAX_QUERY_LENGTH
from tests.bench.generate import generate_stories
from tests.factories import (
    CONSENT_FORM_FIELDS,
    make_contributor,
    make_country,
    make_story,
    make_theme,
    story_form_data,
)
from tests.sqlite_work import sqlite_steps

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
    the same work (ranking every match takes three times as much: about 90 times the steps
    here). The count includes FTS5's own reads of its index pages, which it makes through SQL."""
    monkeypatch.setattr(search.ranking, "MAX_RANKED_MATCHES", 10)
    add_river_stories(400, start=0)
    with_400 = sqlite_steps(lambda: rank_stories("river"))
    add_river_stories(800, start=400)
    with_1200 = sqlite_steps(lambda: rank_stories("river"))
    assert len(rank_stories("river").story_ids) == 10
    assert with_1200 < with_400 * 1.2, (with_400, with_1200)


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
    add_river_stories(800, start=20)
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


def document_writes(queries):
    table = StorySearchDocument._meta.db_table
    return [query["sql"] for query in queries if query["sql"].startswith(f'INSERT INTO "{table}"')]


def test_a_story_saved_with_its_relations_in_a_deferred_block_is_indexed_once_at_its_end():
    with CaptureQueriesContext(connection) as queries, indexing_deferred():
        story = Story.objects.create(title="Plain title", status=Story.Status.PUBLISHED, published_at=timezone.now())
        story.countries.set([make_country("Albania")])
        story.themes.set([make_theme("Poverty")])
        with indexing_deferred():  # an inner block leaves the indexing to the outer one
            story.tags.set(["bees"])
        story.contributors.set([make_contributor("Ana Kovač")])
        assert not StorySearchDocument.objects.exists()
    assert len(document_writes(queries)) == 1
    assert found("albania") == found("poverty") == found("bees") == found("kovac") == ["Plain title"]


def test_a_deferred_block_that_fails_keeps_nothing_so_leaves_nothing_unindexed():
    with pytest.raises(RuntimeError), indexing_deferred():
        make_story("Plain title")
        raise RuntimeError("the save fails half-way")
    assert not Story.objects.exists() and not StorySearchDocument.objects.exists()


def test_an_admin_save_writes_the_search_document_once_with_every_relation(editor_client):
    data = story_form_data(title="Bees of Kruševo", tags="honey", status="published", **CONSENT_FORM_FIELDS)
    data.update(contributors=[make_contributor("Mira Lazić").pk])
    with CaptureQueriesContext(connection) as queries:
        response = editor_client.post(reverse("admin:stories_story_add"), data)
    assert response.status_code == 302, response.content[:2000]
    assert len(document_writes(queries)) == 1
    assert found("serbia") == found("poverty") == found("honey") == found("lazic") == ["Bees of Kruševo"]


def test_bulk_generated_stories_are_indexed_and_the_index_can_be_rebuilt():
    generate_stories(3, [make_country("Serbia")], [make_theme("Poverty"), make_theme("Crime")])
    assert len(found("generated")) == 3
    StorySearchDocument.objects.all().delete()
    assert found("generated") == []
    call_command("rebuild_search_index", verbosity=0)
    assert len(found("generated")) == 3
