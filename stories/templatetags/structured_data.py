import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from stories.scripts import json_ld_in_reader_script

register = template.Library()

# As json_script does: nothing inside the data can close the script element or open a comment.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """`data` as a <script type="application/ld+json"> block: data for search engines, never run.
    On Serbian pages its texts are in the page's script (the HTML transliteration skips scripts)."""
    text = json.dumps(json_ld_in_reader_script(data), cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        JSON_SCRIPT_ESCAPES
    )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
