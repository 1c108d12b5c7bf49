"""The HTML-string rules every stage shares, each written once.

``attributes`` reads a start tag's attributes, ``text`` strips tags and escapes, ``inline``
renders front-matter text as inline Markdown under one escaping and URL policy, ``urls`` says
which URLs may become links, ``edits`` changes a finished page in one copy.
"""
