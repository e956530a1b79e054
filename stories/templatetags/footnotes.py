"""{% footnoted %}…{% endfootnoted %}: every country with a footnote that the wrapped part of
the page names, in any way (a tag chip, a dropdown option, an editor's free text, in Latin or
Cyrillic), is added to `footnoted_countries`, which the footer lists. The page carries the
footnote because it says the name, not because each template remembered to."""

import re

from django import template

from stories.text import transliterate

register = template.Library()

# The tags of the project's own, well-formed markup; a regex reads a page in a fiftieth of the
# time of strip_tags' HTML parser, and only the words between the tags matter here.
_TAG = re.compile(r"<[^>]*>")


@register.tag
def footnoted(parser, token):
    nodelist = parser.parse(("endfootnoted",))
    parser.delete_first_token()
    return FootnotedNode(nodelist)


class FootnotedNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        html = self.nodelist.render(context)
        request = context.get("request")
        if request is None:  # the bare error pages name no country
            return html
        named = {country.pk: country for country in context.get("footnoted_countries") or ()}
        text = transliterate(_TAG.sub(" ", html))
        for country in countries_with_footnotes(request):
            if country.pk not in named and re.search(rf"\b{re.escape(transliterate(country.name))}\b", text):
                named[country.pk] = country
        # Set where the footer, rendered after this, reads it.
        context["footnoted_countries"] = sorted(named.values(), key=lambda country: (country.sort_order, country.name))
        return html


def countries_with_footnotes(request):
    from stories.models import Country
    from stories.views.vocabulary_counts import all_of

    # The same cached list the country pages and the home page's map read: no query of its own.
    return [country for country in all_of(request, Country) if country.footnote]
