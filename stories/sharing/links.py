"""Plain share links: no third-party script, iframe, SDK or cookie reaches the reader."""

from urllib.parse import quote, urlencode

from django.utils.translation import gettext as _


def _query(**params):
    return urlencode(params, quote_via=quote)


def share_links(url, title):
    """(network, accessible label, href) for each network, carrying the absolute URL and title;
    the labels in the active language, as plain strings a cache keeps cheaply."""
    text = f"{title} {url}"
    return [
        (
            "facebook",
            _("Share on Facebook"),
            "https://www.facebook.com/sharer/sharer.php?" + _query(u=url),
        ),
        (
            "x",
            _("Share on X"),
            "https://x.com/intent/post?" + _query(url=url, text=title),
        ),
        (
            "linkedin",
            _("Share on LinkedIn"),
            "https://www.linkedin.com/sharing/share-offsite/?" + _query(url=url),
        ),
        ("whatsapp", _("Share on WhatsApp"), "https://wa.me/?" + _query(text=text)),
        (
            "telegram",
            _("Share on Telegram"),
            "https://t.me/share/url?" + _query(url=url, text=title),
        ),
        ("viber", _("Share on Viber"), "viber://forward?" + _query(text=text)),
        (
            "reddit",
            _("Share on Reddit"),
            "https://www.reddit.com/submit?" + _query(url=url, title=title),
        ),
        ("email", _("Share by e-mail"), "mailto:?" + _query(subject=title, body=url)),
    ]
