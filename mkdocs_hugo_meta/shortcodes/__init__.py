"""Markdown source to Markdown source: Hugo shortcodes, video links and pasted video iframes.

``scanner`` finds shortcodes outside code, ``specs`` declares each shortcode's parameters,
``builtin`` renders Hugo's and PaperMod's shortcodes, ``video`` models YouTube/Vimeo embeds, and
``extension`` is the Python-Markdown extension that runs them.
"""
