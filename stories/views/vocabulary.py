"""Countries and themes: their lists and landing pages."""

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from stories.feeds import CountryStoriesFeed, ThemeStoriesFeed
from stories.models import Country, Story, Theme
from stories.sharing.metadata import feed_links, page_meta, summarise
from stories.sharing.structured_data import vocabulary_breadcrumbs
from stories.views.pagination import paginate, paginated_canonical_url
from stories.views.vocabulary_counts import footnoted_countries, with_story_counts


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
    """A country's or theme's landing page: its description and its stories."""
    item = get_object_or_404(vocabulary, slug=slug)
    kind = vocabulary.filter_parameter  # "country" or "theme"
    stories = Story.objects.published().tagged(**{kind: item}).for_cards()
    page = paginate(request, stories, count_name=f"{kind}:{item.pk}")
    meta = vocabulary_meta(request, item, page, list_name=list_name, list_url_name=list_url_name, feed=feed)
    named_countries = [item] if vocabulary is Country else []
    return render(
        request,
        f"stories/{kind}_detail.html",
        {
            kind: item,
            "page": page,
            "meta": meta,
            "footnoted_countries": footnoted_countries(countries=named_countries, stories=page.object_list),
        },
    )


@require_safe
def country_detail(request, slug):
    return vocabulary_page(
        request, Country, slug, list_name=_("Countries"), list_url_name="stories:countries", feed=CountryStoriesFeed()
    )


@require_safe
def theme_detail(request, slug):
    return vocabulary_page(
        request, Theme, slug, list_name=_("Themes"), list_url_name="stories:themes", feed=ThemeStoriesFeed()
    )
