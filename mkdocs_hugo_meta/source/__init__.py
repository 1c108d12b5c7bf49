"""Source files to one resolved view of each page, before MkDocs renders anything.

``frontmatter`` splits a file into its YAML/TOML/JSON block (with line numbers) and body;
``params`` is the one catalogue of flags, their converters and the page-then-site lookup;
``dates`` reads Hugo's date layouts; ``page`` ties them together into a ``PageData`` per file.
"""
