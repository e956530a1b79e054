"""The rich-text editor of story and page bodies (django-prose-editor).

The editor offers only what the site publishes; stories/sanitize.py:clean_html, run on
every save, stays the security boundary whatever a browser sends.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorFormField
from django_prose_editor.widgets import AdminProseEditorWidget

EDITOR_EXTENSIONS = {
    "Paragraph": True,
    "Heading": {"levels": [2, 3, 4]},
    "Bold": True,
    "Italic": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    # Ours (static/js/admin/no-transliterate.js): <span translate="no">, which Serbian's other
    # script leaves as written. The label travels in the widget's configuration, translated.
    "NoTransliterate": {"label": _("Do not transliterate")},
}


class RichTextEditor(AdminProseEditorWidget):
    """The admin editor, started by our own external module.

    The package's preset needs an inline import map, which a Content-Security-Policy
    without 'unsafe-inline' blocks; static/js/admin/rich-text.js imports the editor by
    its URL instead.
    """

    @property
    def media(self):
        return forms.Media(
            css={
                "all": [
                    "django_prose_editor/material-icons.css",
                    "django_prose_editor/editor.css",
                    "django_prose_editor/overrides.css",
                ]
            },
            js=[forms.Script("js/admin/rich-text.js", type="module")],
        )


def rich_text_field(**kwargs):
    return ProseEditorFormField(config={"extensions": EDITOR_EXTENSIONS}, widget=RichTextEditor, **kwargs)
