"""Country and theme names, descriptions and footnotes in every interface language, edited in
the admin (django-modeltranslation: one column per language on the same row, so no page needs
a join or a query more; README.md, "Dependencies, and why"). Slugs are one per country or
theme, the same in every language. Serbian Latin reads the Serbian (Cyrillic) columns, which
stories/scripts/ transliterates like the rest of the page."""

from modeltranslation.translator import TranslationOptions, register

from stories.models import Country, Theme


@register(Country)
class CountryTranslation(TranslationOptions):
    fields = ("name", "description", "footnote")


@register(Theme)
class ThemeTranslation(TranslationOptions):
    fields = ("name", "description")
