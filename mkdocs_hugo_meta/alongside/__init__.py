"""Working alongside what the site already has: Material's blog and tags plugins, the theme.

``neighbours`` finds them once per build and says which facts of a page they already show, so
the header and footer leave those out ("each fact once"); ``material_blog`` hands Material's
blog plugin a normalised copy of each post's source and gives it Hugo's reading time and
excerpt.
"""
