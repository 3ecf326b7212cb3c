"""The web pages people use: Jinja2 templates, a little JavaScript and CSS, and the view data.

`api/routes/web.py` serves them; the modules here turn backend answers into what a page shows.
"""
