"""Generate a site of N posts shaped like a migrated Hugo/PaperMod blog, for the benchmark.

Each post carries the PaperMod archetype's front matter (every flag), raw HTML headings, a
``<center><img>`` banner and a YouTube ``<iframe>``; some posts use TOML or JSON front matter,
some are written in Chinese, some embed ``{{< youtube >}}`` shortcodes. Text comes from a seeded
RNG, so the same N and seed always give the same site.

    python benchmarks/generate.py OUT_DIR --posts 1000 [--theme mkdocs] [--seed 1]

The site's ``mkdocs.yml`` turns the plugin on or off with the environment variable
``HUGO_META_ENABLED`` (default on), so both sides of the benchmark read the very same file.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import Any

# Every 7th post uses TOML, every 11th JSON, every 5th is CJK, every 3rd has shortcodes.
TOML_EVERY, JSON_EVERY, CJK_EVERY, SHORTCODE_EVERY = 7, 11, 5, 3

_WORD_TEXT = (
    "kettle oven flour water salt yeast crumb crust dough proof rise knead fold shape bake cool "
    "slice butter sugar honey lemon garlic onion pepper thyme basil parsley simmer boil steam "
    "roast grill sear whisk stir pour measure weigh scale spoon bowl tray rack shelf jar lid "
    "morning evening weekend kitchen market season harvest batch recipe method step note tip "
    "gentle quick slow warm cold fresh dry damp crisp tender golden dark light sharp mild rich "
    "the a of and to in for with on at from by over under after before while until because "
    "keeps turns makes brings leaves needs holds gives takes finds shows starts ends helps "
    "little much more less every each some most few many often rarely always never again"
)
WORDS = _WORD_TEXT.split()
CJK_CHARS = (
    "面包酵母面粉水盐糖油火锅汤茶杯碗盘刀切煮蒸烤炒拌揉发酵温度时间早晚周末厨房市场季节收获配方"
    "方法步骤提示轻快慢暖冷新鲜干湿脆嫩金黄深浅香甜酸辣淡浓每次一些大多少经常总是从不再好的了是在"
)
NETWORKS = ("x", "linkedin", "reddit", "facebook", "whatsapp", "telegram", "ycombinator")
VIDEO_IDS = ("aqz-KE-bpKQ", "M7lc1UVf-VE", "YE7VzlLtp-4", "jNQXAC9IVRw", "9bZkp7q19f0")


def sentence(rng: random.Random, cjk: bool = False) -> str:
    if cjk:
        return "".join(rng.choice(CJK_CHARS) for _ in range(rng.randint(12, 30))) + "。"
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random, cjk: bool = False) -> str:
    return ("" if cjk else " ").join(sentence(rng, cjk) for _ in range(rng.randint(2, 5)))


def heading_text(rng: random.Random, cjk: bool = False) -> str:
    if cjk:
        return "".join(rng.choice(CJK_CHARS) for _ in range(rng.randint(4, 9)))
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 6))).title()


def front_matter(index: int, rng: random.Random, title: str) -> dict[str, Any]:
    """Every PaperMod archetype flag, with values that vary from post to post but stay valid."""
    image = f"https://images.example.com/th?q=post{index}&w=800&h=500"
    day = date(2020, 1, 1) + timedelta(days=index % 1200)
    data: dict[str, Any] = {
        "title": title,
        "description": sentence(rng) if index % 2 else "",
        "date": day,
        "lastmod": day + timedelta(days=3),
        "categories": [rng.choice(("bread", "soup", "tools", "tea"))],
        "tags": sorted({rng.choice(WORDS[:40]) for _ in range(3)}),
        "keywords": [rng.choice(WORDS[:40])],
        "author": "Marguerite" if index % 4 else ["Marguerite", "Tomas"],
        "showToc": True,
        "TocOpen": bool(index % 2),
        "draft": False,
        "hidemeta": False,
        "hideAuthor": False,
        "comments": False,
        "disableHLJS": bool(index % 3 == 0),
        "disableShare": False,
        "hideSummary": False,
        "searchHidden": index % 10 == 0,
        "robotsNoIndex": index % 20 == 0,
        "ShowReadingTime": True,
        "ShowBreadCrumbs": True,
        "ShowPostNavLinks": True,
        "ShowWordCount": True,
        "ShowRssButtonInSectionTermList": True,
        "ShowCanonicalLink": False,
        "UseHugoToc": index % 9 == 0,
        "ShowShareButtons": True,
        "ShareButtons": list(NETWORKS[: 3 + index % 5]),
        "editPost": {
            "URL": "https://git.example.com/blog/edit/main/docs",
            "Text": "Suggest a change",
            "appendFilePath": True,
        },
        "weight": index,
    }
    if index % 2:
        data["thumbnail"] = image
    else:
        data["cover"] = {"image": image, "alt": title, "caption": "A photo", "relative": False,
                         "hidden": False, "hiddenInSingle": False}
    data["images"] = [image]
    if index % 10 == 5:
        data["aliases"] = [f"/old/post-{index}/"]
    if index % 25 == 0:
        data["canonicalURL"] = f"https://elsewhere.example.com/p/{index}/"
    return data


def _yaml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, date)):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_yaml_value(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid YAML scalar


def to_yaml(data: dict[str, Any]) -> str:
    lines = ["---"]
    for key, value in data.items():
        if isinstance(value, dict):
            lines.append(f"{key}:")
            lines += [f"  {k}: {_yaml_value(v)}" for k, v in value.items()]
        else:
            lines.append(f"{key}: {_yaml_value(value)}")
    return "\n".join([*lines, "---", ""])


def to_toml(data: dict[str, Any]) -> str:
    # TOML tables must come after the plain keys.
    plain = [f"{k} = {_yaml_value(v)}" for k, v in data.items() if not isinstance(v, dict)]
    tables: list[str] = []
    for key, value in data.items():
        if isinstance(value, dict):
            tables += [f"[{key}]", *(f"{k} = {_yaml_value(v)}" for k, v in value.items())]
    return "\n".join(["+++", *plain, *tables, "+++", ""])


def to_json(data: dict[str, Any]) -> str:
    return json.dumps(data, default=str, ensure_ascii=False, indent=2) + "\n"


def body(index: int, rng: random.Random, title: str, image: str, cjk: bool) -> str:
    parts = [
        "<center>\n"
        f'\t<img src="{image}" alt="{title}" width="800" height="500" '
        'style="display: block; width: 100%; height: auto">\n</center>',
        paragraph(rng, cjk),
    ]
    for _ in range(rng.randint(3, 5)):
        parts += [f"<h2>{heading_text(rng, cjk)}</h2>", paragraph(rng, cjk)]
        for _ in range(rng.randint(1, 3)):
            parts += [f"<h3>{heading_text(rng, cjk)}</h3>", paragraph(rng, cjk)]
    parts.append("<h2>Questions</h2>")
    for number in range(1, rng.randint(4, 9)):
        parts.append(f"<h3>{number}. {heading_text(rng, cjk)}?</h3>\n{paragraph(rng, cjk)} \n ")
    if index % SHORTCODE_EVERY == 0:
        parts.append(f"{{{{< youtube {rng.choice(VIDEO_IDS)} >}}}}")
    parts.append(
        '<div style="position: relative; padding-bottom: 56.25%; overflow: hidden">'
        f'<iframe src="https://www.youtube.com/embed/{rng.choice(VIDEO_IDS)}" frameborder="0" '
        'allow="accelerometer; autoplay; encrypted-media; picture-in-picture" allowfullscreen '
        'style="position: absolute; top: 0; left: 0; width: 100%; height: 100%;"></iframe>\n</div>'
    )
    return "\n\n".join(parts) + "\n"


def post(index: int, seed: int) -> str:
    """The source of post number ``index`` (deterministic for a given seed)."""
    rng = random.Random(seed * 1_000_003 + index)
    cjk = index % CJK_EVERY == 0
    title = heading_text(rng, cjk)
    data = front_matter(index, rng, title)
    image = data.get("thumbnail") or data["cover"]["image"]
    if index % JSON_EVERY == 0:
        head = to_json(data)
    elif index % TOML_EVERY == 0:
        head = to_toml(data)
    else:
        head = to_yaml(data)
    return head + "\n" + body(index, rng, title, image, cjk)


MKDOCS_YML = """\
site_name: Benchmark blog
site_url: https://bench.example.org/
theme:
  name: {theme}
plugins:
  - search
  - hugo-meta:
      enabled: !ENV [HUGO_META_ENABLED, true]
{lists}markdown_extensions:
  - toc:
      permalink: true
  - tables
  - fenced_code
"""


NO_LISTS = "      disableKinds: [home, section, taxonomy, term, rss]\n"
"""The generated list pages and feeds left out, to tell their cost from the per-page work."""


def generate(
    root: Path, posts: int, *, theme: str = "mkdocs", seed: int = 1, lists: bool = True
) -> Path:
    """Write ``root/docs`` and ``root/mkdocs.yml`` (``mkdocs-no-lists.yml`` without the
    generated list pages); return the config file's path."""
    docs = root / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    (docs / "posts").mkdir(parents=True)
    (docs / "index.md").write_text("# Benchmark blog\n\nGenerated posts.\n", encoding="utf-8")
    width = len(str(posts))
    for index in range(1, posts + 1):
        path = docs / "posts" / f"post-{index:0{width}d}.md"
        path.write_text(post(index, seed), encoding="utf-8")
    config = root / ("mkdocs.yml" if lists else "mkdocs-no-lists.yml")
    config.write_text(MKDOCS_YML.format(theme=theme, lists="" if lists else NO_LISTS),
                      encoding="utf-8")  # fmt: skip
    return config


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write docs/ and mkdocs.yml into")
    parser.add_argument("--posts", type=int, default=250)
    parser.add_argument("--theme", default="mkdocs")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    config = generate(args.out, args.posts, theme=args.theme, seed=args.seed)
    print(f"wrote {args.posts} posts; build with: mkdocs build -f {config}")


if __name__ == "__main__":
    main()
