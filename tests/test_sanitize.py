import re
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stories.sanitize import clean_html, html_to_text

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


ALLOWED_MARKUP = (
    "<h2>Heading</h2><h3>Sub</h3><h4>Minor</h4>"
    "<p><strong>Bold</strong>, <em>italic</em>, "
    '<a href="/stories/water/" title="Water">a local link</a>, '
    '<a href="mailto:editor@example.com">mail</a> and <a href="tel:+38111222333">a call</a>.'
    "<br>A new line.</p>"
    "<ul><li>One</li><li>Two<ol><li>Nested</li></ol></li></ul>"
    "<blockquote><p>Quoted</p></blockquote><hr><p>After the rule.</p>"
)


def test_allowed_markup_survives_unchanged():
    assert clean_html(ALLOWED_MARKUP) == ALLOWED_MARKUP


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p><b>bold</b> and <i>italic</i></p>", "<p><strong>bold</strong> and <em>italic</em></p>"),
        ("<h1>Title</h1>", "<h2>Title</h2>"),
        ("<h5>Small</h5><h6>Smaller</h6>", "<h4>Small</h4><h4>Smaller</h4>"),
        ('<p class="lead" id="x" style="color:red" dir="ltr">Text</p>', "<p>Text</p>"),
        ("<p>a <u>b</u> <s>c</s> <code>d</code> <sup>2</sup></p>", "<p>a b c d 2</p>"),
        ("<div>One</div><div>Two</div>", "<p>One</p><p>Two</p>"),
        ("<div><div>Nested</div><p>Para</p></div>", "<p>Nested</p><p>Para</p>"),
        ("<table><tr><td>Cell 1</td><td>Cell 2</td></tr></table>", "<p>Cell 1</p><p>Cell 2</p>"),
        ("<h2><div>a</div><div>b</div></h2>", "<h2> a  b </h2>"),
        ('<p><a name="_GoBack"></a>Text <a>plain</a></p>', "<p>Text plain</p>"),
        ('<p><a href="/x"> </a>word</p>', "<p> word</p>"),
        ("<p>a<strong> </strong>b</p>", "<p>a b</p>"),
        ("<p>Line<br>break</p>", "<p>Line<br>break</p>"),
        ("<br><p>a</p><br><br><p>b</p><br>", "<p>a</p><p>b</p>"),
        ("<ul><li> </li><li>Kept</li></ul><ol><li><br></li></ol>", "<ul><li>Kept</li></ul>"),
        ("Just text", "Just text"),
        ("Tom &amp; Jerry &lt;3", "Tom &amp; Jerry &lt;3"),
        ("<p>Čačak, Ђорђе, Gjirokastër</p>", "<p>Čačak, Ђорђе, Gjirokastër</p>"),
    ],
)
def test_markup_is_mapped_to_allowed_tags(html, expected):
    assert clean_html(html) == expected


@pytest.mark.parametrize(
    "html",
    ["", "   ", "\n\t", "&nbsp;", "<p>&nbsp;</p>", "<p> </p><p><br></p>", "\u200b", "<hr>"],
)
def test_blank_input_becomes_empty_string(html):
    assert clean_html(html) == ""


@pytest.mark.parametrize(
    "href",
    [
        "https://example.com/",
        "http://example.com/",
        "HTTPS://EXAMPLE.COM/",
        "//example.com/",
        " https://example.com/",
        "https:example.com",
    ],
)
def test_external_link_gets_rel(href):
    output = clean_html(f'<a href="{href}" rel="opener nofollow">x</a>')
    assert output.endswith(f'rel="{EXTERNAL_REL}">x</a>')
    assert output.count("rel=") == 1


@pytest.mark.parametrize(
    "href",
    ["/stories/", "../about/", "page-2", "?page=2", "#notes", "mailto:a@example.com", "tel:123"],
)
def test_internal_and_mail_links_get_no_rel(href):
    assert clean_html(f'<a href="{href}" rel="noopener noreferrer">x</a>') == (f'<a href="{href}">x</a>')


WORD_PASTE = """\
<html xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document><meta name=Generator content="Microsoft Word 15">
<link rel=File-List href="file:///C:/Users/ana/AppData/Local/Temp/msohtmlclip1/01/clip_filelist.xml">
<!--[if gte mso 9]><xml>
 <o:OfficeDocumentSettings><o:AllowPNG/></o:OfficeDocumentSettings>
</xml><![endif]--><!--[if gte mso 9]><xml>
 <w:WordDocument><w:View>Normal</w:View><w:Zoom>0</w:Zoom></w:WordDocument>
</xml><![endif]-->
<style>
<!--
 /* Style Definitions */
 p.MsoNormal {mso-style-parent:""; margin:0cm; font-size:11.0pt; font-family:"Calibri",sans-serif;}
-->
</style>
</head>
<body lang=SR-LATN-RS style='tab-interval:35.4pt;word-wrap:break-word'>
<!--StartFragment-->
<p class=MsoNormal><b><span lang=SR-LATN-RS style='font-size:14.0pt;mso-bidi-font-family:Calibri'>Priča
iz Čačka<o:p></o:p></span></b></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoNormal><span lang=SR-LATN-RS>Moj deda je <i>uvek</i> govorio:<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='font-family:Symbol;mso-fareast-font-family:Symbol'><span style='mso-list:Ignore'>·<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span
lang=SR-LATN-RS>prva stvar<o:p></o:p></span></p>
<p class=MsoNormal><font face="Arial" color="#333333">Kraj.</font><span style='mso-spacerun:yes'>&nbsp;</span></p>
<p class=MsoNormal><span style='font-family:"Times New Roman"'><![if !supportEmptyParas]>&nbsp;<![endif]><o:p></o:p></span></p>
<!--EndFragment-->
</body>
</html>
"""


def test_word_paste_is_reduced_to_its_text_and_emphasis():
    assert clean_html(WORD_PASTE) == (
        "<p><strong>Priča\niz Čačka</strong></p>\n"
        "<p>Moj deda je <em>uvek</em> govorio:</p>\n"
        "<p>prva stvar</p>\n"
        "<p>Kraj.&nbsp;</p>"
    )


GOOGLE_DOCS_PASTE = (
    '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-5e1c">'
    '<p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;">'
    '<span style="font-size:11pt;font-family:Arial;color:#000000;font-weight:400;'
    'font-style:normal;">Plain, </span>'
    '<span style="font-size:11pt;font-weight:700;font-style:normal;">bold</span>'
    '<span style="font-weight:400;font-style:italic;">, italic</span>'
    '<span style="font-weight:700 !important;font-style:italic;">, both</span></p><br>'
    '<p dir="ltr"><span style="font-weight:400">Second.</span></p><br></b>'
)


def test_google_docs_paste_keeps_bold_and_italic_but_not_its_wrapper():
    assert clean_html(GOOGLE_DOCS_PASTE) == (
        "<p>Plain, <strong>bold</strong><em>, italic</em><strong><em>, both</em></strong></p><p>Second.</p>"
    )


@pytest.mark.parametrize(
    "html",
    [
        *HOSTILE_INPUTS.values(),
        ALLOWED_MARKUP,
        WORD_PASTE,
        GOOGLE_DOCS_PASTE,
        "<p>a</p>\n<p>&nbsp;</p>\n",
        "<p><a href='https://example.com'>x</a></p>",
    ],
)
def test_cleaning_is_idempotent(html):
    once = clean_html(html)
    assert clean_html(once) == once


# Our tags, the ones we map, and the ones parsers treat specially (raw text, foreign content,
# tables and forms, which move or split what surrounds them).
_TAGS = [*sorted(ALLOWED_TAGS), "b", "i", "h1", "h5", "div", "span", "font", "o:p", "table", "tr", "td"]
_TAGS += ["script", "style", "img", "svg", "math", "mtext", "noscript", "xmp", "textarea", "form", "select", "template"]
_SNIPPETS = ["<!--", "-->", "<![if !supportLists]>", "<![endif]>", "</p>", "<br>", "&nbsp;", "<", "</", "<!["]
_ATTRIBUTES = st.sampled_from(
    [
        "",
        ' href="https://example.com/"',
        ' href="/local"',
        ' href="javascript:alert(1)"',
        ' href="jav&#x09;ascript:alert(1)"',
        ' href="//example.com"',
        ' title="a &quot;title&quot; <b>"',
        ' style="font-weight:700;font-style:italic"',
        ' onclick="alert(1)"',
        ' rel="noopener noreferrer"',
        " class=MsoNormal",
    ]
)


@st.composite
def html_fragments(draw, depth=0):
    """Tag soup: nested, often unclosed elements with hostile attributes and stray markup."""
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["text", "element", "raw"] if depth < 4 else ["text", "raw"]))
        if kind == "text":
            parts.append(draw(st.text(alphabet=" \n\xa0abcčđЖ&;<>\"'/=!-#x", max_size=8)))
        elif kind == "raw":
            parts.append(draw(st.sampled_from(_SNIPPETS)))
        else:
            tag = draw(st.sampled_from(_TAGS))
            parts.append(f"<{tag}{draw(_ATTRIBUTES)}>{draw(html_fragments(depth + 1))}")
            if draw(st.booleans()):
                parts.append(f"</{tag}>")
    return "".join(parts)


@given(html_fragments())
def test_generated_markup_is_safe_and_cleaning_is_idempotent(html):
    once = clean_html(html)
    assert_safe(once)
    assert clean_html(once) == once


@given(st.text())
def test_any_text_is_safe_and_cleaning_is_idempotent(text):
    once = clean_html(text)
    assert_safe(once)
    assert clean_html(once) == once


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("", ""),
        ("Plain", "Plain"),
        ("<p>One</p><p>Two</p>", "One\nTwo"),
        ("<h2>Title</h2>Text<br>more", "Title\nText\nmore"),
        ("<ul><li>a</li><li>b</li></ul>", "a\nb"),
        ("<p>Tom &amp; Jerry&nbsp;&lt;3 &#8212; &eacute;</p>", "Tom & Jerry <3 — é"),
        ("<p>spread\n   over   lines</p>", "spread over lines"),
        ("<p>in<strong>line</strong> <em>tags</em></p>", "inline tags"),
        ("<script>var x = '<p>';</script><style>p {}</style><p>Shown</p>", "Shown"),
        ("<svg><svg></svg><text>hidden</text></svg>visible", "visible"),
    ],
)
def test_html_to_text(html, expected):
    assert html_to_text(html) == expected


def test_html_to_text_of_clean_output_keeps_every_word():
    assert html_to_text(clean_html(WORD_PASTE)) == "Priča iz Čačka\nMoj deda je uvek govorio:\nprva stvar\nKraj."
