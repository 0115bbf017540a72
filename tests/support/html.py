"""HTML parsed by a real HTML5 parser, and what every kieumau HTML document promises."""

from __future__ import annotations

from xml.etree.ElementTree import Element

import html5lib

SVG = "{http://www.w3.org/2000/svg}"


def parse_html(text: str) -> Element:
    """Parse with html5lib in strict mode: any HTML5 parse error fails the test."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    document: Element = parser.parse(text)
    return document


def text_of(element: Element) -> str:
    return "".join(element.itertext())


def assert_document_structure(text: str, lang: str) -> Element:
    """What every kieumau HTML document promises: language, real table headers, no
    script, no network, inline CSS, at least one inline SVG."""
    root = parse_html(text)
    assert root.tag == "html" and root.get("lang") == lang
    assert not list(root.iter("script"))
    assert not [e for e in root.iter() if isinstance(e.tag, str) and e.tag.endswith("}script")]
    headers = list(root.iter("th"))
    assert headers, "tables need header cells"
    assert all(th.get("scope") in ("col", "row") for th in headers)
    assert list(root.iter("style")) and not list(root.iter("link"))
    for element in root.iter():
        for attribute in ("src", "href"):
            value = element.get(attribute) or ""
            assert not value.startswith("//") and not value.startswith("javascript:")
        assert not any(name.startswith("on") for name in element.attrib)
    assert list(root.iter(f"{SVG}svg")), "charts are inline SVG"
    assert "@media print" in text and "size: A4" in text
    return root
