import pytest

from kg.extraction.timex import normalise


@pytest.mark.parametrize(
    "text, published, value, end",
    [
        ("May", "2025-08", "2025-05", None),
        ("November", "2025-08", "2024-11", None),
        ("2020", "2025-08", "2020", None),
        ("6 May 2020", None, "2020-05-06", None),
        ("March 28, 2019", None, "2019-03-28", None),
        ("until at least 2030", "2025-08", None, "2030"),
        ("yesterday", "2025-08-14", "2025-08-13", None),
    ],
)
def test_times_keep_the_precision_the_text_gives(text, published, value, end):
    ref = normalise(text, published)
    assert (ref.value, ref.end) == (value, end)


def test_durations_are_not_dates():
    assert normalise("another five years", "2025-08") is None
