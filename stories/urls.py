from django.urls import path
from django.views.decorators.http import require_safe

from stories import feeds, views

app_name = "stories"

# Feeds are read-only like every reader page: other methods get 405.
urlpatterns = [
    path("", views.home, name="home"),
    path("stories/", views.story_list, name="list"),
    path("stories/<slug:slug>/", views.story_detail, name="detail"),
    path("s/<int:pk>/", views.story_short_link, name="short_link"),
    path("s/<int:pk>/card-<slug:digest>.jpg", views.story_social_card, name="social_card"),
    path("social/default-<slug:digest>.jpg", views.default_social_card, name="default_social_card"),
    path("feed/", require_safe(feeds.LatestStoriesFeed()), name="feed"),
    path("feed/atom/", require_safe(feeds.LatestStoriesAtomFeed()), name="feed_atom"),
    path("preview/<str:token>/", views.story_preview, name="preview"),
    path("countries/", views.country_list, name="countries"),
    path("countries/<slug:slug>/", views.country_detail, name="country"),
    path("countries/<slug:slug>/feed/", require_safe(feeds.CountryStoriesFeed()), name="country_feed"),
    path("countries/<slug:slug>/feed/atom/", require_safe(feeds.CountryStoriesAtomFeed()), name="country_feed_atom"),
    path("themes/", views.theme_list, name="themes"),
    path("themes/<slug:slug>/", views.theme_detail, name="theme"),
    path("themes/<slug:slug>/feed/", require_safe(feeds.ThemeStoriesFeed()), name="theme_feed"),
    path("themes/<slug:slug>/feed/atom/", require_safe(feeds.ThemeStoriesAtomFeed()), name="theme_feed_atom"),
    path("search/", views.search, name="search"),
]
