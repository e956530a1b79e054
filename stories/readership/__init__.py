"""Readership without tracking: story views counted per day on the server (counter.py), the
editors' readership page (views.py, reports.py, chart.py) and the home page's most read."""
