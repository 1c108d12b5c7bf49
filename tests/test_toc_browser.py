"""The table of contents in a real browser: the box toggles and its links land on their headings."""

from __future__ import annotations

from pathlib import Path

import pytest
from browserkit import browser_page, serve_directory
from sitebuilder import THEMES, build_site

FILLER = "\n\n".join(["Some text to read through before the next section begins."] * 40)

PAGE = f"""---
title: Long read
showToc: true
---
Intro.

<h2>First raw section</h2>

{FILLER}

## Second section

{FILLER}

<h3>Last raw part</h3>

{FILLER}
"""


@pytest.mark.browser
@pytest.mark.parametrize("theme", THEMES)
def test_box_toggles_and_links_land(tmp_path: Path, theme: str) -> None:
    site = build_site(tmp_path, {"posts/long.md": PAGE}, theme=theme)
    with serve_directory(site.site_dir) as base, browser_page() as browser:
        page = browser.page
        page.goto(base + "posts/long/")
        box = page.locator("details.hm-toc")
        assert box.count() == 1
        assert not box.evaluate("el => el.open")
        link = box.locator('a[href="#last-raw-part"]')
        assert not link.is_visible()

        page.locator("details.hm-toc > summary").click()
        assert box.evaluate("el => el.open")
        assert link.is_visible()

        link.click()
        page.wait_for_function("location.hash === '#last-raw-part'")
        page.wait_for_function(
            """() => {
                const r = document.getElementById('last-raw-part').getBoundingClientRect();
                return r.top >= -1 && r.top < window.innerHeight / 2;
            }"""
        )
        # With the script, the entry of the section being read is marked.
        page.wait_for_function(
            "document.querySelector('a.hm-toc-active')?.getAttribute('href') === '#last-raw-part'"
        )

        page.locator("details.hm-toc > summary").click()
        assert not box.evaluate("el => el.open")
        # The theme may try CDNs (blocked here); nothing of ours reaches outside the site.
        assert [url for url in browser.blocked if "hugo-meta" in url] == []
