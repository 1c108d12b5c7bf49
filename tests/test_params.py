"""Unit tests of the flag catalogue: validation, coercion and page -> site -> default lookup."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from mkdocs_hugo_meta.source import dates, params


def check(data: dict[str, Any]) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    problems: list[tuple[str, str]] = []
    checked = params.validate(data, lambda key, msg: problems.append((key, msg)))
    return checked, problems


def resolved(page: dict[str, Any], site: dict[str, Any] | None = None) -> params.PageParams:
    return params.PageParams(check(page)[0], check(site or {})[0])


@pytest.mark.parametrize("spelling", ["showToc", "ShowToc", "showtoc", "SHOWTOC"])
def test_keys_are_case_insensitive(spelling: str) -> None:
    assert resolved({spelling: True}).flag("showToc")
    assert resolved({spelling: True}).flag("SHOWtoc")


@pytest.mark.parametrize(
    ("page", "site", "expected"),
    [
        ({}, {}, False),  # built-in default
        ({}, {"ShowReadingTime": True}, True),  # site default
        ({"ShowReadingTime": False}, {"ShowReadingTime": True}, False),  # page false wins
        ({"showreadingtime": True}, {"ShowReadingTime": False}, True),
    ],
)
def test_page_then_site_then_default(
    page: dict[str, Any], site: dict[str, Any], expected: bool
) -> None:
    assert resolved(page, site).flag("ShowReadingTime") is expected


def test_page_only_flags_ignore_site_params() -> None:
    view = resolved({}, {"draft": True, "title": "Site"})
    assert view.flag("draft") is False
    assert view.text("title") == ""


def test_dotted_lookup_merges_page_and_site() -> None:
    view = resolved({"cover": {"image": "a.png"}}, {"cover": {"hiddenInSingle": True}})
    assert view.get("cover.image") == "a.png"
    assert view.get("cover.hiddenInSingle") is True
    assert view.get("cover.caption") == ""
    assert view.as_dict()["cover"]["image"] == "a.png"


def test_edit_post_text_default() -> None:
    assert resolved({}).get("editPost.Text") == "Edit"


@pytest.mark.parametrize(
    ("value", "expected", "warned"),
    [
        (True, True, False),
        ("false", False, True),
        ("yes", True, True),
        ("No", False, True),
        (1, True, True),
        ("maybe", None, True),
        ([1], None, True),
    ],
)
def test_boolean_coercion(value: Any, expected: bool | None, warned: bool) -> None:
    checked, problems = check({"showToc": value})
    assert checked.get("showtoc") is expected
    assert bool(problems) is warned
    if warned:
        assert problems[0][0] == "showToc"
        assert "'showToc' should be true or false" in problems[0][1]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("Ann", ["Ann"]), (["Ann", "Bo"], ["Ann", "Bo"]), ("", []), ([2024], ["2024"])],
)
def test_text_lists(value: Any, expected: list[str]) -> None:
    assert check({"author": value})[0]["author"] == expected


@pytest.mark.parametrize(
    ("value", "expected", "problem"),
    [
        ({"name": "Ann", "email": "ann@example.org"}, ["Ann"], None),
        ({"Name": "Ann"}, ["Ann"], None),
        ([{"name": "Ann"}, "Bo", {"name": "Cy", "email": "c@x"}], ["Ann", "Bo", "Cy"], None),
        ({"email": "ann@example.org"}, None, "'author' is a mapping without a 'name' text"),
        ({"name": ["Ann"]}, None, "'author' is a mapping without a 'name' text"),
        ([{"email": "a@x"}, "Bo"], ["Bo"], "other items were ignored"),
    ],
)
def test_author_mapping_gives_its_name(value: Any, expected: list[str] | None,
                                       problem: str | None) -> None:
    checked, problems = check({"author": value})
    assert checked.get("author") == expected
    assert len(problems) == (0 if problem is None else 1)
    if problem is not None:
        assert problem in problems[0][1]


@pytest.mark.parametrize(
    ("key", "suggestion"),
    [("ShowReadingTimes", "ShowReadingTime"), ("showtocs", "showToc"), ("TocOpn", "TocOpen"),
     ("searchHiden", "searchHidden"), ("pubdat", "publishDate")],
)
def test_near_miss_suggests_the_flag(key: str, suggestion: str) -> None:
    checked, problems = check({key: True})
    assert checked == {}
    assert problems == [(key, f"unknown key '{key}'; did you mean '{suggestion}'?")]


@pytest.mark.parametrize("key", ["subtitle", "myOwnField", "slug", "image", "hide", "x"])
def test_user_data_is_left_alone(key: str) -> None:
    assert check({key: "anything"}) == ({}, [])


def test_date_aliases_and_bad_dates() -> None:
    checked, problems = check({"pubdate": "2024-02-03", "expiryDate": "someday"})
    assert checked["publishdate"] == dt.datetime(2024, 2, 3, tzinfo=dt.timezone.utc)
    assert "expirydate" not in checked
    assert "'expiryDate' is not a date" in problems[0][1]


def test_cover_as_text_is_read_as_the_image() -> None:
    checked, problems = check({"cover": "banner.png"})
    assert checked["cover"] == {"image": "banner.png"}
    assert "should be a mapping" in problems[0][1]


def test_misspelt_cover_field() -> None:
    checked, problems = check({"cover": {"imag": "a.png"}})
    assert checked["cover"] == {}
    assert "did you mean 'cover.image'" in problems[0][1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022-06-09", dt.datetime(2022, 6, 9, tzinfo=dt.timezone.utc)),
        ("2022-06-09T10:11:12Z", dt.datetime(2022, 6, 9, 10, 11, 12, tzinfo=dt.timezone.utc)),
        ("2022-06-09T10:11:12+02:00",
         dt.datetime(2022, 6, 9, 10, 11, 12, tzinfo=dt.timezone(dt.timedelta(hours=2)))),
        ("2022-06-09 10:11:12", dt.datetime(2022, 6, 9, 10, 11, 12, tzinfo=dt.timezone.utc)),
        ("Thu, 09 Jun 2022 10:11:12 +0000",
         dt.datetime(2022, 6, 9, 10, 11, 12, tzinfo=dt.timezone.utc)),
        ("09 Jun 2022", dt.datetime(2022, 6, 9, tzinfo=dt.timezone.utc)),
        ("June 9, 2022", dt.datetime(2022, 6, 9, tzinfo=dt.timezone.utc)),
        (dt.date(2022, 6, 9), dt.datetime(2022, 6, 9, tzinfo=dt.timezone.utc)),
        ("not a date", None),
        (12, None),
    ],
)
def test_parse_date(text: Any, expected: dt.datetime | None) -> None:
    assert dates.parse_date(text) == expected


def test_naive_dates_take_the_site_zone() -> None:
    tz = dates.zone("Europe/Paris")
    parsed = dates.parse_date("2022-06-09 10:00:00", tz)
    assert parsed is not None and parsed.utcoffset() == dt.timedelta(hours=2)
    assert dates.zone("Not/AZone") is dt.timezone.utc


@pytest.mark.parametrize(
    ("layout", "expected"),
    [
        ("January 2, 2006", "June 9, 2022"),
        ("2006-01-02", "2022-06-09"),
        ("02 Jan 2006", "09 Jun 2022"),
        ("%d/%m/%Y", "09/06/2022"),
    ],
)
def test_format_date(layout: str, expected: str) -> None:
    assert dates.format_date(dt.datetime(2022, 6, 9, tzinfo=dt.timezone.utc), layout) == expected


def test_date_from_filename() -> None:
    assert dates.date_from_filename("2021-03-04-hello.md") == dt.datetime(
        2021, 3, 4, tzinfo=dt.timezone.utc
    )
    assert dates.date_from_filename("hello.md") is None
    assert dates.date_from_filename("2021-13-40-bad.md") is None


def test_every_flag_has_documentation() -> None:
    for flag in params.FLAGS:
        assert flag.doc, flag.name
        for sub in flag.fields:
            assert sub.doc, f"{flag.name}.{sub.name}"
