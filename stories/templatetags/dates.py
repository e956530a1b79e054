from django import template

from stories.dates import iso_datetime

register = template.Library()
register.filter("iso_datetime", iso_datetime)
