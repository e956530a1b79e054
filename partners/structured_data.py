"""schema.org JSON-LD for the partner pages."""

from balkanoscope.links import absolute_url
from stories.sharing.structured_data import SCHEMA_CONTEXT


def organization(partner):
    data = {
        "@context": SCHEMA_CONTEXT,
        "@type": "Organization",
        "@id": absolute_url(partner.get_absolute_url() + "#organization"),
        "name": partner.name,
        "url": partner.website or absolute_url(partner.get_absolute_url()),
        "description": partner.description,
    }
    if partner.short_name:
        data["alternateName"] = partner.short_name
    if partner.logo:
        data["logo"] = absolute_url(partner.logo.url)
    if partner.founded_year:
        data["foundingDate"] = str(partner.founded_year)
    if partner.website:
        data["sameAs"] = [partner.website]
    return data
