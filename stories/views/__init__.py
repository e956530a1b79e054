"""Readers' pages, one module per page area: home, lists (and search), vocabulary, story."""
