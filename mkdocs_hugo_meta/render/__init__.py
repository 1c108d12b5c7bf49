"""Rendered page content to the blocks the plugin adds, and where they go.

``outline`` scans the content once (headings, the leading ``<h1>``); ``readtime``, ``toc``,
``header``, ``cover``, ``footer`` (with ``share`` and ``comments``) and ``head_tags`` build the
blocks from it; ``slots`` places them; ``templates``/``twins``/``labels``/``assets`` are what the
blocks are drawn with.
"""
