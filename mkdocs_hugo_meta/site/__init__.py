"""Site-wide effects, after or around the pages: which pages are built, what search indexes,
redirects and the finished page's scripts.

``drafts`` (draft/future/expired pages), ``search_index`` (``searchHidden``), ``aliases``
(redirect pages), ``hljs`` (``disableHLJS``) and ``template_lookups`` (the theme's templates
read attributes without raising exceptions).
"""
