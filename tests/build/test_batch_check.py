"""The SHACL check of a batch of articles: one check of the whole batch, then, when it fails, a
check of each article that names a node the batch's violations are about."""
from kg.build.engines import Extracted, finish
from kg.validate.validators import Validator
from tests.support.events import actor, event, place, records, story


class CountingValidator(Validator):
    """A validator that remembers how many quads each check was given."""

    def __init__(self):
        super().__init__()
        self.sizes: list[int] = []

    def check(self, quads):
        quads = list(quads)
        self.sizes.append(len(quads))
        return super().check(quads)


def test_a_failing_batch_checks_again_only_the_articles_its_violations_name():
    army, mayor = actor("army", "MilitaryForce"), actor("mayor", "Person")
    stories = [
        story("georgia-1", "2025", [event("Arrest", army, mayor, place=place("Georgia", "GEO", geonames=614540))]),
        story("georgia-2", "2025", [event("Arrest", army, mayor, date="2025-05", place=place("Georgia", "USA", geonames=614540))]),
        story("bad-code", "2025", [event("Attack", army, mayor, place=place("Gao", "Mali"))]),
        story("elsewhere", "2025", [event("Protest", actor("students"), actor("junta"), place=place("Niamey", "NER"))]),
    ]
    results = [Extracted(*records(s)) for s in stories]
    validator = CountingValidator()
    finish(results, validator)
    verdicts = {r.article.id: [v.path for v in r.violations] for r in results}
    assert verdicts == {"georgia-1": [], "georgia-2": [], "bad-code": ["kgo:countryCode"], "elsewhere": []}
    assert len(validator.sizes) == 4  # the batch, then georgia-1, georgia-2 and bad-code; not elsewhere
    assert validator.sizes[0] == sum(len(r.quads) for r in results)
    assert sorted(validator.sizes[1:]) == sorted(len(r.quads) for r in results if r.article.id != "elsewhere")


def test_a_batch_that_conforms_is_checked_once():
    stories = [story(f"ok-{n}", "2025", [event("Arrest", actor("army", "MilitaryForce"), actor(f"person {n}", "Person"))])
               for n in range(3)]
    results = [Extracted(*records(s)) for s in stories]
    validator = CountingValidator()
    finish(results, validator)
    assert [r.violations for r in results] == [[], [], []] and len(validator.sizes) == 1
