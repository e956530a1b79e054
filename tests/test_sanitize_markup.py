"""Rich text cleaning of the markup editors paste and write: kept, mapped, idempotent."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stories.sanitize import clean_html, html_to_text
from tests.test_sanitize import ALLOWED_TAGS, EXTERNAL_REL, HOSTILE_INPUTS, assert_safe

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


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # What the editor's "Do not transliterate" button writes, alone and inside other marks.
        ('<p>Grad <span translate="no">Ниш</span></p>', '<p>Grad <span translate="no">Ниш</span></p>'),
        (
            '<p><strong><span translate="no">Ниш</span></strong> <span translate="no"><em>Бор</em> grad</span></p>',
            '<p><strong><span translate="no">Ниш</span></strong> <span translate="no"><em>Бор</em> grad</span></p>',
        ),
        # Only the attribute and only that value: anything else on a span goes, the text stays.
        (
            '<p><span translate="no" class="x" style="color:red" lang="ru">Ниш</span></p>',
            '<p><span translate="no">Ниш</span></p>',
        ),
        ('<p><span translate="yes">Da</span> <span translate="NO">Ne</span></p>', "<p>Da Ne</p>"),
    ],
)
def test_the_do_not_transliterate_span_is_kept_and_nothing_else_of_a_span(html, expected):
    assert clean_html(html) == expected
    assert clean_html(expected) == expected
