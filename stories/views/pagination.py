"""Pages of a list: only real page numbers, counts cached per content version."""

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from balkanoscope.links import absolute_url
from balkanoscope.page_numbers import page_number
from stories import content_state

STORIES_PER_PAGE = 12


class CachedCountPaginator(Paginator):
    """A paginator whose COUNT(*), the one query that grows with the table, is computed once
    per content version (see content_state.cached_value) instead of on every request."""

    def __init__(self, object_list, per_page, *, request, count_name):
        super().__init__(object_list, per_page)
        self.request = request
        self.count_name = count_name

    @cached_property
    def count(self):
        return content_state.cached_value(self.request, f"count:{self.count_name}", self.object_list.count)


def paginate(request, stories, *, count_name=None, per_page=STORIES_PER_PAGE):
    """The requested page, or 404 for page=0, 01, ², abc or past the end (never a 500, and
    one address per page). `count_name` names a queryset for its cached count: equal names
    must mean equal lists; a list needs none."""
    number = page_number(request.GET.get("page", "1"))
    if number is None:
        raise Http404(_("There is no such page."))
    if count_name is None:
        paginator = Paginator(stories, per_page)
    else:
        paginator = CachedCountPaginator(stories, per_page, request=request, count_name=count_name)
    try:
        page = paginator.page(number)
    except InvalidPage:
        raise Http404(_("There is no such page.")) from None
    page.elided_range = page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)
    return page


def paginated_canonical_url(request, page):
    """The page's own address without tracking or filter parameters, but with its page number:
    page 2 is not a copy of page 1."""
    return absolute_url(request.path + (f"?page={page.number}" if page.number > 1 else ""))
