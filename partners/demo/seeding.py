"""The partners app's demo content: the two founding organisations of partners.toml, with logos
drawn from their names, and the editorial pages in pages/ (Markdown, named after their slugs).

Idempotent: a partner or page whose slug exists is left as the editors made it.
"""

from pathlib import Path

from django.core.files.base import ContentFile

from partners.models import Page, Partner
from stories.demo.art import partner_logo
from stories.demo.documents import read_data, read_documents

DEMO_DIR = Path(__file__).resolve().parent
PARTNERS_FILE = DEMO_DIR / "partners.toml"
PAGES_DIR = DEMO_DIR / "pages"


def is_loaded():
    return Partner.objects.exists() or Page.objects.exists()


def seed():
    """Create whatever demo content is missing; returns a one-line report."""
    partners = sum(partner(data) for data in read_data(PARTNERS_FILE)["partners"])
    pages = sum(page(document) for document in read_documents(PAGES_DIR))
    return f"new partners: {partners}, new pages: {pages}"


def partner(data):
    if Partner.objects.filter(slug=data["slug"]).exists():
        return False
    partner = Partner(
        name=data["name"],
        short_name=data["short_name"],
        slug=data["slug"],
        description=data["description"],
        website=data["website"],
        founded_year=data["founded_year"],
        sort_order=data["sort_order"],
    )
    logo = partner_logo(data["name"], **data["logo_colors"])
    partner.logo.save(f"{data['slug']}.png", ContentFile(logo), save=False)
    partner.save()
    return True


def page(document):
    _, created = Page.objects.get_or_create(
        slug=document.slug,
        defaults={
            "title": document.metadata["title"],
            "intro": document.metadata["intro"],
            "body": document.body_html,
        },
    )
    return created
