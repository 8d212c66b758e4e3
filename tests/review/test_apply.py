"""Writing a review back: only the edited values' lines change, string styles and comments
stay, and a reviewed handbook maps back to every role it contains."""

from conftest import build_files, minimal_with
from revisions import Reviewed
from test_review import changed_lines

from jobdocs.content.fields import bookmark
from jobdocs.review.apply import edited

SOURCE = '''#:schema ../../schemas/role.schema.json
# The role, as HR approved it.
title = 'Site Reliability Engineer'   # literal, and stays so
summary = """
First paragraph.

Second paragraph.
"""
note = \'\'\'
C:\\path stays raw
\'\'\'
responsibilities = [
  "Run the platform.",
  # on call is shared
  'Share the on-call rota.',
]
'''


def test_untouched_lines_stay_byte_identical_and_styles_stay():
    new = edited(
        SOURCE,
        {
            ("title",): "Site Reliability Lead",
            ("summary",): "First paragraph.\n\nSecond, changed paragraph.\n",
            ("note",): "C:\\path stays raw, edited\n",
            ("responsibilities",): ["Run the platform.", "Share the on-call rota fairly."],
        },
    )
    assert changed_lines(SOURCE, new) == [
        "-title = 'Site Reliability Engineer'   # literal, and stays so",
        "+title = 'Site Reliability Lead'   # literal, and stays so",
        "-Second paragraph.",
        "+Second, changed paragraph.",
        "-C:\\path stays raw",
        "+C:\\path stays raw, edited",
        "-  'Share the on-call rota.',",
        "+  'Share the on-call rota fairly.',",
    ]


def test_a_literal_string_that_cannot_stay_literal_becomes_basic():
    new = edited("title = 'Old'\n", {("title",): "Rita's role"})
    assert new == 'title = "Rita\'s role"\n'


def test_a_reviewed_handbook_maps_back_to_every_role(project, tmp_path, jobdocs):
    handbook = "technical-job-descriptions"
    path = build_files(project, ["docx"], tmp_path / "out", [handbook])[f"{handbook}.docx"]
    doc = Reviewed(path)
    doc.replace_word(bookmark("roles/devops-engineer:summary", 1), "DevOps", "Platform")
    doc.delete_paragraph(bookmark("roles/software-developer:responsibilities[1]", 1))
    doc.replace_word(bookmark("organization:introduction", 1), "typically", "usually")
    doc.save()
    roles = project / "content/roles"
    before = {p.name: p.read_text() for p in roles.glob("*.toml")}
    organization = (project / "content/organization.toml").read_text()
    result = jobdocs(project, "review", "--apply", str(path))
    assert result.exit_code == 0, result.output
    after = {p.name: p.read_text() for p in roles.glob("*.toml")}
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {"devops-engineer.toml", "software-developer.toml"}
    for name, count in (("software-developer.toml", 1), ("devops-engineer.toml", 2)):
        assert len(changed_lines(before[name], after[name])) == count, name
    new_organization = (project / "content/organization.toml").read_text()
    assert changed_lines(organization, new_organization) == [
        f"-{line}" for line in organization.splitlines() if "typically" in line
    ] + [f"+{line.replace('typically', 'usually')}" for line in organization.splitlines()
         if "typically" in line]  # fmt: skip


LEAD_IN_ROLE = """title = "Senior Developer"
language = "fr"
summary = "Tu rejoins une équipe."

[intro]
required = "Les conditions suivantes doivent être remplies :"

[qualifications]
required = ["Cinq ans de Python."]
"""


def test_a_reviewer_edits_a_lead_in_back_into_the_toml(tmp_path, jobdocs):
    root = minimal_with(tmp_path, LEAD_IN_ROLE)
    path = build_files(root, ["docx"], tmp_path / "out", ["clerk"])["clerk.docx"]
    doc = Reviewed(path)
    doc.replace_word(bookmark("roles/clerk:intro.required", 1), "suivantes", "ci-dessous")
    doc.save()
    result = jobdocs(root, "review", "--apply", str(path))
    assert result.exit_code == 0, result.output
    text = (root / "content/roles/clerk.toml").read_text(encoding="utf-8")
    assert 'required = "Les conditions ci-dessous doivent être remplies :"' in text
