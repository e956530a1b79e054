"""An editor in the admin of a running site, over plain HTTP (requests): logs in, submits
forms as a browser without JavaScript would, with what the page holds plus the changes."""

from urllib.parse import urljoin

import requests
from lxml import html

# A browser's Host: the servers the tests start allow 127.0.0.1.
SKIPPED_INPUTS = {"submit", "button", "file", "image", "reset"}


def form_fields(page, form_id=None):
    """{name: value or [values]} of the page's form, as a browser would send it."""
    document = html.fromstring(page)
    forms = document.xpath(f'//form[@id="{form_id}"]' if form_id else '//form[.//input[@name="csrfmiddlewaretoken"]]')
    fields = {}
    for element in forms[0].xpath(".//input | .//select | .//textarea"):
        name = element.get("name")
        if not name or element.get("disabled") is not None:
            continue
        if element.tag == "input":
            kind = (element.get("type") or "text").lower()
            if kind in SKIPPED_INPUTS or (kind in ("checkbox", "radio") and element.get("checked") is None):
                continue
            value = element.get("value", "on" if kind == "checkbox" else "")
        elif element.tag == "select":
            chosen = [option.get("value", option.text_content()) for option in element.xpath(".//option[@selected]")]
            if element.get("multiple") is not None:
                value = chosen
            elif chosen:
                value = chosen[0]
            else:
                options = element.xpath(".//option")
                value = options[0].get("value", "") if options else ""
        else:
            value = element.text or ""
        if isinstance(value, list) or name not in fields:
            fields[name] = value
    return fields


def form_errors(page):
    """The errors a refused form shows, to say why in a failing test."""
    document = html.fromstring(page)
    return [" ".join(node.text_content().split()) for node in document.xpath('//*[contains(@class, "error")]')]


class AdminSession:
    def __init__(self, base):
        self.base = base.rstrip("/")
        self.http = requests.Session()

    def url(self, path):
        return urljoin(self.base + "/", path.lstrip("/"))

    def get(self, path, **kwargs):
        return self.http.get(self.url(path), timeout=30, **kwargs)

    def submit(self, path, changes=None, files=None, form_id=None, action=None):
        """GET the form at `path`, then POST it back with `changes`; the response, redirects not followed."""
        page = self.get(path)
        assert page.status_code == 200, (path, page.status_code)
        data = {**form_fields(page.text, form_id), **(changes or {})}
        return self.http.post(
            self.url(action or path),
            data=data,
            files=files,
            timeout=60,
            allow_redirects=False,
            headers={"Referer": self.url(path)},
        )

    def login(self, username, password):
        return self.submit("/admin/login/", {"username": username, "password": password}, form_id="login-form")

    def save_story(self, pk=None, files=None, **changes):
        """Add (pk None) or change a story through its form; return its pk."""
        path = f"/admin/stories/story/{pk}/change/" if pk else "/admin/stories/story/add/"
        response = self.submit(path, {**changes, "_continue": "1"}, files=files, form_id="story_form")
        assert response.status_code == 302, form_errors(response.text)
        return pk or int(response.headers["Location"].rstrip("/").split("/")[-2])

    def story_action(self, pk, action_path, changes):
        form = f"/admin/stories/story/{pk}/change/"
        page = self.get(form)
        token = form_fields(page.text, "story_form")["csrfmiddlewaretoken"]
        return self.http.post(
            self.url(f"/admin/stories/story/{pk}/{action_path}/"),
            data={"csrfmiddlewaretoken": token, **changes},
            timeout=60,
            allow_redirects=False,
            headers={"Referer": self.url(form)},
        )

    def withdraw(self, pk, reason="The storyteller withdrew consent."):
        page = self.get(f"/admin/stories/story/{pk}/withdraw/")
        assert page.status_code == 200
        fields = form_fields(page.text)
        return self.http.post(
            self.url(f"/admin/stories/story/{pk}/withdraw/"),
            data={**fields, "reason": reason, "confirm": "on"},
            timeout=60,
            allow_redirects=False,
            headers={"Referer": self.url(f"/admin/stories/story/{pk}/withdraw/")},
        )

    def create_preview_link(self, pk):
        """A new preview link of the story, as the story form lists it."""
        assert self.story_action(pk, "preview-links", {"create": "1"}).status_code == 302
        page = html.fromstring(self.get(f"/admin/stories/story/{pk}/change/").text)
        return page.xpath('//input[contains(@class, "preview-link__url")]/@value')[0]

    def revoke_preview_links(self, pk):
        assert self.story_action(pk, "preview-links", {"revoke_all": "1"}).status_code == 302
