"""The posting-language rules, family by family, on small postings written for each test."""

import tomllib
from importlib.resources import files

from postings import at, findings, words_at

from jobdocs.checks.lint.rules import rule_table, ruleset

SUMMARY = 'title = "Data Engineer"\nsummary = """\n{}\n"""\n'


def posting(summary: str, rest: str = "") -> str:
    return SUMMARY.format(summary) + rest


# Gender-coded words


def test_the_word_lists_are_gender_decoders():
    data = tomllib.loads((files("jobdocs.checks.lint") / "en/gender.toml").read_text("utf-8"))
    masculine, feminine = data["stems"]["masculine"], data["stems"]["feminine"]
    assert (len(masculine), len(feminine)) == (52, 50)
    assert masculine[:3] == ["active", "adventurous", "aggress"] and masculine[-1] == "unreasonab"
    assert feminine[:3] == ["agree", "affectionate", "child"] and feminine[-2:] == [
        "share",
        "sharin",
    ]
    assert "MIT License" in data["licence"] and "lovedaybrooke" in data["licence"]
    assert "Gaucher" in data["source"] and "gender-decoder" in data["source"]
    assert set(data["alternatives"]) == set(masculine)


def test_a_posting_that_leans_masculine_is_a_warning_listing_words_and_alternatives(tmp_path):
    found = findings(
        tmp_path,
        posting("You lead a driven team and take decisions. We support you."),
        rule="lint.gender",
    )
    warning, *notes = found
    assert warning.rule == "lint.gender.masculine" and warning.severity == "warning"
    assert at(warning) == (1, 10, 23)  # the posting as a whole: its title
    assert "3 masculine-coded, 1 feminine-coded words (lead, driven, decisions)" in warning.message
    assert "lead → guide, run, head, coordinate" in warning.fix
    assert "driven → motivated" in warning.fix
    assert [(n.rule, n.severity, words_at(tmp_path, n)) for n in notes] == [
        ("lint.gender.word", "note", "lead"),
        ("lint.gender.word", "note", "driven"),
        ("lint.gender.word", "note", "decisions"),
    ]
    assert notes[1].fix == "motivated"


def test_a_balanced_posting_gets_a_note_with_the_counts(tmp_path):
    found = findings(tmp_path, posting("You lead and support a warm team."), rule="lint.gender")
    assert [(p.rule, p.severity, p.message) for p in found] == [
        (
            "lint.gender.balance",
            "note",
            "1 masculine-coded, 2 feminine-coded words (leans feminine-coded)",
        )
    ]


def test_prefixes_hyphens_and_exceptions_as_gender_decoder_has_them(tmp_path):
    rules = ruleset("en")
    from jobdocs.checks.lint.text import Field
    from jobdocs.checks.lint.words import coded_words

    text = "Co-operative team-leader; sharing, not sharp. Event-driven: a decision record."
    coded = [(c.word, c.masculine) for c in coded_words(Field(None, (), text), text, rules)]
    # "co-operative" stays whole (a hyphenated stem), "team-leader" is split; "sharp" is not
    # "sharing"; the technical terms are jobdocs's exceptions.
    assert coded == [("Co-operative", False), ("leader", True), ("sharing", False)]


def test_allowed_phrases_are_not_counted(tmp_path):
    role = 'title = "Lead Engineer"\nsummary = "You lead. You support. You lead."\n'
    settings = '[lint]\nallow = ["Lead Engineer"]\n'
    found = findings(tmp_path, role, settings, rule="lint.gender")
    assert "2 masculine-coded, 1 feminine-coded" in found[0].message


def test_extra_stems_from_the_settings(tmp_path):
    settings = '[lint.words]\nmasculine = ["crush"]\n'
    found = findings(tmp_path, posting("Crushing targets."), settings, rule="lint.gender")
    assert found[0].rule == "lint.gender.masculine" and "(crushing)" in found[0].message


# Exclusionary terms


def test_exclusionary_terms_by_category_with_a_replacement(tmp_path):
    text = (
        "We want a rockstar who is young and a culture fit. Hey guys: he/she will work hard, "
        "play hard. You must be able to stand all day. Native English speaker."
    )
    found = findings(tmp_path, posting(text), rule="lint.exclusionary")
    assert [(p.rule, words_at(tmp_path, p)) for p in found] == [
        ("lint.exclusionary.culture", "rockstar"),
        ("lint.exclusionary.age", "young"),
        ("lint.exclusionary.culture", "culture fit"),
        ("lint.exclusionary.gendered", "guys"),
        ("lint.exclusionary.gendered", "he/she"),  # once, not also "he" and "she"
        ("lint.exclusionary.culture", "work hard, play hard"),
        ("lint.exclusionary.disability", "able to stand"),
        ("lint.exclusionary.origin", "Native English"),
    ]
    assert all(p.fix for p in found)
    # A physical requirement may be an essential function (issue 19): a note.
    assert [p.severity for p in found] == ["warning"] * 6 + ["note", "warning"]
    assert (
        found[0].message
        == "'rockstar': culture-coded: many skilled people do not see themselves as one"
    )


def test_age_coded_requirements_only_where_they_are_required(tmp_path):
    role = posting(
        "Recent graduates are welcome to apply.",
        '[qualifications]\nrequired = ["A recent graduate in computing."]\n'
        'preferred = ["A recent graduate."]\n',
    )
    found = findings(tmp_path, role, rule="lint.exclusionary")
    assert [(p.key, words_at(tmp_path, p)) for p in found] == [
        ("qualifications.required[1]", "recent graduate")
    ]


def test_figures_of_speech_and_technical_words_are_not_flagged(tmp_path):
    text = (
        "You walk through a real incident with the team. We stand behind our services and "
        "see the big picture; the shell script runs as its own user."
    )
    assert findings(tmp_path, posting(text), rule="lint.exclusionary") == []


def test_the_projects_own_terms(tmp_path):
    settings = '[lint.words]\nexclusionary = { "code monkey" = "developer" }\n'
    found = findings(tmp_path, posting("No code monkeys; a code monkey."), settings, "lint.excl")
    assert [(p.rule, p.fix, words_at(tmp_path, p)) for p in found] == [
        ("lint.exclusionary.custom", "developer", "code monkey")
    ]


# Realism


def test_more_required_qualifications_than_the_threshold(tmp_path):
    nine = "[" + ", ".join(f'"Skill {n}."' for n in range(9)) + "]"
    found = findings(tmp_path, posting("x", f"qualifications.required = {nine}\n"), rule="lint.r")
    assert [(p.rule, p.line, p.message) for p in found] == [
        (
            "lint.realism.required-count",
            5,
            "9 required qualifications (more than 8): many qualified people apply only "
            "when they meet every one",
        )
    ]
    eight = "[" + ", ".join(f'"Skill {n}."' for n in range(8)) + "]"
    (tmp_path / "other").mkdir()
    assert (
        findings(
            tmp_path / "other", posting("x", f"qualifications.required = {eight}\n"), rule="lint.r"
        )
        == []
    )


def test_years_of_experience_above_the_maximum_when_required(tmp_path):
    role = posting(
        "15 years of history.",
        "[qualifications]\n"
        'required = ["12+ years of Python.", "At least 10 years of SQL.",\n'
        '  "Fifteen years in sales."]\n'
        'preferred = ["20 years of Go."]\n',
    )
    found = findings(tmp_path, role, rule="lint.realism")
    assert [(p.message, words_at(tmp_path, p)) for p in found] == [
        ("requires 12 years (more than 10)", "12+ years"),
        ("requires 15 years (more than 10)", "Fifteen years"),
    ]
    settings = "[lint.thresholds]\nyears_max = 15\n"
    (tmp_path / "b").mkdir()
    assert findings(tmp_path / "b", role, settings, rule="lint.realism") == []


def test_preferred_that_repeats_required(tmp_path):
    role = posting(
        "x",
        "[qualifications]\n"
        'required = ["Experience with Kubernetes in production.", "Python."]\n'
        'preferred = ["Experience with Kubernetes in production", "Experience with Go."]\n',
    )
    found = findings(tmp_path, role, rule="lint.realism")
    assert [(p.key, p.message) for p in found] == [
        (
            "qualifications.preferred[1]",
            "repeats required qualification 1: 'Experience with Kubernetes in production.'",
        )
    ]


# Unfinished text


def test_markers_lorem_ipsum_and_placeholders_are_errors(tmp_path):
    role = posting(
        "TODO: say why. Nothing todo here.\n\n- Lorem ipsum dolor sit amet.\n- …",
        'responsibilities = ["Run the platform.", "TBD", "-", "N/A"]\n'
        'benefits = ["Same as above."]\n',
    )
    found = findings(tmp_path, role, rule="lint.unfinished")
    assert [(p.rule, p.severity, p.key, words_at(tmp_path, p)) for p in found] == [
        ("lint.unfinished.marker", "error", "summary", "TODO"),
        ("lint.unfinished.marker", "error", "summary", "Lorem ipsum dolor sit amet"),
        ("lint.unfinished.placeholder", "error", "summary", "…"),
        ("lint.unfinished.marker", "error", "responsibilities[2]", "TBD"),
        ("lint.unfinished.placeholder", "error", "responsibilities[3]", "-"),
        ("lint.unfinished.placeholder", "error", "responsibilities[4]", "N/A"),
        ("lint.unfinished.placeholder", "error", "benefits[1]", "Same as above."),
    ]


# Clarity


def test_length_outside_the_band(tmp_path):
    found = findings(tmp_path, posting("A short posting."), rule="lint.clarity.length")
    assert [(p.severity, p.line, p.message) for p in found] == [
        (
            "warning",
            1,
            "the posting has 5 words; postings of 300–800 words draw the most applications",
        )
    ]
    settings = "[lint.thresholds]\nwords_min = 5\n"
    (tmp_path / "b").mkdir()
    assert (
        findings(tmp_path / "b", posting("A short posting."), settings, "lint.clarity.length") == []
    )


def test_sentences_over_35_words(tmp_path):
    long = " ".join(["word"] * 36) + "."
    fine = " ".join(["word"] * 35) + "."
    found = findings(tmp_path, posting(f"{fine} {long}"), rule="lint.clarity.sentence")
    assert [(p.message, at(p)) for p in found] == [
        ("a sentence of 36 words (more than 35)", (3, 177, 357))
    ]


def test_readability_grade(tmp_path):
    hard = " ".join(
        ["Organizational transformation necessitates comprehensive interdisciplinary "
         "collaboration, institutional accountability and continuous operational optimization."]
        * 12
    )  # fmt: skip
    found = findings(tmp_path, posting(hard), rule="lint.clarity.readability")
    assert len(found) == 1 and found[0].message.startswith("reads at Flesch-Kincaid grade ")
    grade = float(found[0].message.split("grade ")[1].split(" ")[0])
    assert grade > 20
    easy = " ".join(["We make tools. You help us build them. The team is small."] * 10)
    (tmp_path / "b").mkdir()
    assert findings(tmp_path / "b", posting(easy), rule="lint.clarity.readability") == []


def test_vague_pay_only_without_a_range(tmp_path):
    text = "We offer a competitive salary and pay that is DOE."
    found = findings(tmp_path, posting(text), rule="lint.clarity.vague-pay")
    assert [words_at(tmp_path, p) for p in found] == ["competitive salary", "DOE"]
    pay = '[[pay]]\ncurrency = "EUR"\nminimum = 50000\nmaximum = 60000\nperiod = "YEAR"\n'
    (tmp_path / "b").mkdir()
    assert findings(tmp_path / "b", posting(text, pay), rule="lint.clarity.vague-pay") == []


# Languages


def test_a_language_without_rules_is_said_plainly(tmp_path):
    role = posting("Wir suchen einen Rockstar. TODO", 'language = "de"\n')
    found = findings(tmp_path, role)
    assert [(p.rule, p.severity, p.line) for p in found] == [("lint.language", "note", 1)]
    assert found[0].message.startswith(
        "no posting-language rules for 'de': its texts were not checked"
    )


def test_regional_english_uses_the_english_rules(tmp_path):
    found = findings(tmp_path, posting("A rockstar.", 'language = "en-GB"\n'), rule="lint.excl")
    assert [p.rule for p in found] == ["lint.exclusionary.culture"]


def test_every_rule_has_a_known_default_severity_and_a_description():
    for rule in rule_table().values():
        assert rule.severity in ("error", "warning", "note") and rule.description, rule
    for family in ("gender", "exclusionary", "realism", "unfinished", "clarity"):
        data = tomllib.loads(
            (files("jobdocs.checks.lint") / f"en/{family}.toml").read_text("utf-8")
        )
        assert data["source"].strip() and data["licence"].strip(), family
