"""The compare view of a story's revisions speaks the editors' language: names and labels."""

import pytest
from django.urls import reverse
from lxml import html
from reversion.models import Version

from stories.models import Story
from tests.factories import make_contributor, make_user, story_form_data

pytestmark = pytest.mark.django_db


def test_compare_shows_names_and_labels_not_ids_and_codes(client):
    ana, boris = make_user("ana", is_superuser=True), make_user("boris", is_superuser=True)
    jelena = make_contributor("Jelena Đukić")
    client.force_login(ana)
    assert client.post(reverse("admin:stories_story_add"), story_form_data(title="The well")).status_code == 302
    story = Story.objects.get()
    client.force_login(boris)
    data = story_form_data(story, status="review", language="sr", contributors=[jelena.pk], is_featured="on")
    response = client.post(reverse("admin:stories_story_change", args=[story.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    newer, older = Version.objects.get_for_object(story)[:2]
    compare = client.get(reverse("admin:stories_story_compare", args=[story.pk]), {"from": older.pk, "to": newer.pk})
    rows = {
        row.cssselect("th")[0].text_content(): row.cssselect("td")[0]
        for row in html.fromstring(compare.content.decode()).cssselect(".revision-diff tbody tr")
    }
    changed = {label: (cell.xpath("string(.//del)"), cell.xpath("string(.//ins)")) for label, cell in rows.items()}
    assert changed["Status"] == ("Draft", "In review")
    assert changed["Language"] == ("English", "Serbian (Cyrillic)")
    assert changed["Updated by"] == ("ana", "boris")
    assert changed["Contributors"] == ("", "Jelena Đukić")
    assert changed["Featured"] == ("No", "Yes")


@pytest.mark.parametrize("version", ["abc", "٢", "²", "-1", ""])
def test_compare_with_a_version_that_is_not_a_number_is_404(client, version):
    client.force_login(make_user("ana", is_superuser=True))
    client.post(reverse("admin:stories_story_add"), story_form_data(title="The well"))
    story = Story.objects.get()
    response = client.get(reverse("admin:stories_story_compare", args=[story.pk]), {"from": version, "to": version})
    assert response.status_code == 404
