"""The interface languages: which one a request gets, how each is named and tagged.

The language of a reader's page comes from its address only: "/" and "/stories/" are English,
"/sq/…", "/sr/…" and "/sr-latn/…" the other languages (i18n_patterns in balkanoscope/urls.py).
Never from Accept-Language or a cookie: a shared link, a crawler and a cached copy must all get
the page the address names. The admin, outside the prefixes, follows the editor's browser.
"""

from django import template
from django.conf import settings
from django.urls import NoReverseMatch
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.functional import SimpleLazyObject

from balkanoscope.links import reverse_in

# Each language named in itself, for the language switcher: a reader looking for their own
# language must recognise it whatever language the page is in, so these are not translated.
NATIVE_NAMES = {
    "en": "English",
    "sq": "Shqip",
    "bs": "Bosanski",
    "hr": "Hrvatski",
    "mk": "Македонски",
    "sr": "Српски",
    "sr-latn": "Srpski",
}

# BCP 47 tags for <html lang>, hreflang, Content-Language and JSON-LD. Django's code for
# Serbian Latin is "sr-latn"; the script subtag is written "Latn". Plain "sr" is Serbian in
# Cyrillic, its default script.
BCP47_TAGS = {"sr-latn": "sr-Latn"}

# The two scripts of Serbian share one written text (stories/scripts/): these pairs are one
# language for translations, and readers switch between them with one click.
SCRIPT_TWINS = {"sr": "sr-latn", "sr-latn": "sr"}


def language_tag(code):
    """The BCP 47 tag of one of the site's language codes: "sr-latn" → "sr-Latn"."""
    return BCP47_TAGS.get(code, code)


register = template.Library()
register.filter("language_tag", language_tag)  # {% load languages %} … lang="{{ story.language|language_tag }}"


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def is_language(code):
    return code in NATIVE_NAMES and code in language_codes()


def same_language(first, second):
    """True for one language, including Serbian in either script."""
    return first == second or SCRIPT_TWINS.get(first) == second


def same_languages(code):
    """`code` and its other script, if it has one: ["sr", "sr-latn"] for either Serbian."""
    return [code, SCRIPT_TWINS[code]] if code in SCRIPT_TWINS else [code]


@register.simple_tag
def page_language():
    """The page's interface language as a BCP 47 tag, for the interface parts of a story card."""
    return language_tag(translation.get_language() or settings.LANGUAGE_CODE)


@register.filter
def language_label(code):
    """The name of language `code` in the page's language ("Albanian", "албански") when it is
    not the page's: lists show a story that has no translation for the reader in its own."""
    if same_language(code, translation.get_language()):
        return ""
    return str(dict(settings.LANGUAGES).get(code, code))


def admin_path():
    return "/" + settings.ADMIN_URL


def request_language(request):
    """The language a request is served in: its address's prefix; English without one; for the
    admin, the editor's browser language."""
    from_path = translation.get_language_from_path(request.path_info)
    if from_path:
        return from_path
    if request.path_info.startswith(admin_path()):
        return translation.get_language_from_request(request, check_path=False)
    return settings.LANGUAGE_CODE


def language_middleware(get_response):
    """Activate the request's language (request_language()) and name it in Content-Language.
    Only the admin varies with the browser's Accept-Language; reader pages never do, so a
    cache or CDN keeps one copy per address."""

    def middleware(request):
        language = request_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = get_response(request)
        if request.path_info.startswith(admin_path()):
            patch_vary_headers(response, ("Accept-Language", "Cookie"))
        response.headers.setdefault("Content-Language", language_tag(language))
        translation.deactivate()
        return response

    return middleware


class LanguageLink:
    """One entry of the language switcher: a language named in itself, and this page in it."""

    def __init__(self, code, url, *, is_current):
        self.code = code
        self.url = url
        self.is_current = is_current
        self.name = NATIVE_NAMES[code]
        self.tag = language_tag(code)


def page_in_language(request, language):
    """The path of the page `request` shows, as a page in `language` (keeping its query):
    a view that knows better (a story with translations) sets request.language_paths;
    a page with no name of its own (an error page) becomes that language's home page."""
    known = getattr(request, "language_paths", {}).get(language)
    if known:
        return known
    match = getattr(request, "resolver_match", None)
    if match is None or not match.view_name:
        return reverse_in(language, "stories:home")
    try:
        path = reverse_in(language, match.view_name, args=match.args, kwargs=match.kwargs)
    except NoReverseMatch:  # a page outside the language prefixes
        return reverse_in(language, "stories:home")
    query = request.META.get("QUERY_STRING", "")
    return path + (f"?{query}" if query else "")


def language_links(request):
    current = translation.get_language()
    return [
        LanguageLink(code, page_in_language(request, code), is_current=code == current) for code in language_codes()
    ]


def context(request):
    """<html lang> and the language switcher (built only when a template shows it)."""
    return {
        "interface_language": language_tag(translation.get_language() or settings.LANGUAGE_CODE),
        "language_links": SimpleLazyObject(lambda: language_links(request)),
    }
