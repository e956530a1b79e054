"""The pre-publish checklist: what a story needs before it goes out."""

# Lengths that read well on story cards, in search results and in shares.
CARD_TITLE_MAX = 70
SUMMARY_MIN, SUMMARY_MAX = 50, 200
