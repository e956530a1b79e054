from django.urls import path

from stories import feeds, views

app_name = "stories"

urlpatterns = [
    path("", views.home, name="home"),
    path("stories/", views.story_list, name="list"),
    path("stories/<slug:slug>/", views.story_detail, name="detail"),
    path("s/<int:pk>/", views.story_short_link, name="short_link"),
    path("s/<int:pk>/card-<slug:digest>.jpg", views.story_social_card, name="social_card"),
    path("social/default-<slug:digest>.jpg", views.default_social_card, name="default_social_card"),
    path("feed/", feeds.LatestStoriesFeed(), name="feed"),
    path("feed/atom/", feeds.LatestStoriesAtomFeed(), name="feed_atom"),
    path("countries/", views.country_list, name="countries"),
    path("countries/<slug:slug>/", views.country_detail, name="country"),
    path("countries/<slug:slug>/feed/", feeds.CountryStoriesFeed(), name="country_feed"),
    path("countries/<slug:slug>/feed/atom/", feeds.CountryStoriesAtomFeed(), name="country_feed_atom"),
    path("themes/", views.theme_list, name="themes"),
    path("themes/<slug:slug>/", views.theme_detail, name="theme"),
    path("themes/<slug:slug>/feed/", feeds.ThemeStoriesFeed(), name="theme_feed"),
    path("themes/<slug:slug>/feed/atom/", feeds.ThemeStoriesAtomFeed(), name="theme_feed_atom"),
]
