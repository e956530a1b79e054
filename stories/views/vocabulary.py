"""Countries and themes: their lists and landing pages."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from balkanoscope.page_cache import page_cacheable
from stories.feeds import CountryStoriesFeed, ThemeStoriesFeed
from stories.models import Country, Story, Theme
from stories.sharing.metadata import feed_links, page_meta, summarise
from stories.sharing.structured_data import vocabulary_breadcrumbs
from stories.views.facets import facets, vocabulary_counts
from stories.views.pagination import paginate, paginated_canonical_url
from stories.views.vocabulary_counts import footnoted_countries, with_story_counts


@page_cacheable
@require_safe
def country_list(request):
    countries = with_story_counts(request, Country, "country")
    return render(
        request,
        "stories/country_list.html",
        {
            "countries": countries,
            "footnoted_countries": footnoted_countries(countries=countries),
            "meta": page_meta(request, _("Countries")),
        },
    )


@page_cacheable
@require_safe
def theme_list(request):
    return render(
        request,
        "stories/theme_list.html",
        {"themes": with_story_counts(request, Theme, "theme"), "meta": page_meta(request, _("Themes"))},
    )


def vocabulary_meta(request, item, page, *, list_name, list_url_name, feed):
    """A country's or theme's page: its description, breadcrumbs and its own feeds."""
    return page_meta(
        request,
        item.name,
        summarise(item.description),
        canonical_url=paginated_canonical_url(request, page),
        feeds=feed_links(feed.title(item), feed.url_name, feed.url_name + "_atom", slug=item.slug),
        structured_data=[vocabulary_breadcrumbs(item, list_name=list_name, list_url_name=list_url_name)],
    )


def vocabulary_page(request, vocabulary, slug, *, list_name, list_url_name, feed):
    """A country's or theme's landing page: its description, its stories, and the other facet
    with counts within it (the themes of a country, the countries of a theme)."""
    counts = vocabulary_counts(request)
    kind = vocabulary.filter_parameter  # "country" or "theme"
    item = find_by_slug(counts.countries if vocabulary is Country else counts.themes, slug)
    language = get_language()
    stories = Story.objects.published().in_language(language).tagged(**{kind: item}).for_cards()
    page = paginate(request, stories, count_name=f"{kind}:{item.pk}:{language}")
    meta = vocabulary_meta(request, item, page, list_name=list_name, list_url_name=list_url_name, feed=feed)
    named_countries = [item] if vocabulary is Country else []
    return render(
        request,
        f"stories/{kind}_detail.html",
        {
            kind: item,
            "page": page,
            "meta": meta,
            "facets": facets(counts, **{kind: item}),
            "footnoted_countries": footnoted_countries(countries=named_countries, stories=page.object_list),
        },
    )


def find_by_slug(items, slug):
    """The item of a list the page has loaded anyway whose slug is `slug`, else 404."""
    for item in items:
        if item.slug == slug:
            return item
    raise Http404(_("There is no such page."))


@page_cacheable
@require_safe
def country_detail(request, slug):
    return vocabulary_page(
        request, Country, slug, list_name=_("Countries"), list_url_name="stories:countries", feed=CountryStoriesFeed()
    )


@page_cacheable
@require_safe
def theme_detail(request, slug):
    return vocabulary_page(
        request, Theme, slug, list_name=_("Themes"), list_url_name="stories:themes", feed=ThemeStoriesFeed()
    )


@page_cacheable
@require_safe
def country_theme(request, country, theme):
    """The stories of one country on one theme. Only combinations with stories exist: an empty
    one is a 404, so no link and no crawler ever walks into pages of nothing."""
    counts = vocabulary_counts(request)
    country = find_by_slug(counts.countries, country)
    theme = find_by_slug(counts.themes, theme)
    if not counts.count(country, theme):
        raise Http404(_("There are no stories on this theme from this country yet."))
    stories = Story.objects.published().tagged(country=country, theme=theme).for_cards()
    page = paginate(request, stories, count_name=f"country-theme:{country.pk}:{theme.pk}")
    title = _("%(theme)s in %(country)s") % {"theme": theme.name, "country": country.name}
    if page.number > 1:
        title = _("%(title)s · page %(number)s") % {"title": title, "number": page.number}
    return render(
        request,
        "stories/country_theme.html",
        {
            "country": country,
            "theme": theme,
            "page": page,
            "facets": facets(counts, country=country, theme=theme),
            "footnoted_countries": footnoted_countries(countries=[country], stories=page.object_list),
            "meta": page_meta(
                request,
                title,
                summarise(theme.description or country.description),
                canonical_url=paginated_canonical_url(request, page),
            ),
        },
    )
