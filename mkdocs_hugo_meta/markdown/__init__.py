"""Hugo's Markdown dialect on Hugo pages: CommonMark's lists and fences, Hugo's code-fence options.

``goldmark`` re-shapes a page's block structure for Python-Markdown, ``fence_options`` turns
Hugo's fence options into the site highlighter's, ``preprocessor`` runs both on the pages that
``uses_goldmark`` picks, and ``recommended`` names the Markdown extensions that bring the rest
of Hugo's dialect (typography, task lists, footnotes…).
"""
