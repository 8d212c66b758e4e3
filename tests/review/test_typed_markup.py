"""What a reviewer types in Word is words (issue 18, reviewed files). Before, Markdown
typed literally in Word ("**", "[x](y)", a leading "# ") became live markup in the TOML:
bold, a link to wherever the reviewer typed, a heading."""

from conftest import build_files
from revisions import Reviewed

from jobdocs import load_project
from jobdocs.content.fields import bookmark
from jobdocs.render.markdown import inline

ROLE = "roles/software-engineer"
TYPED = "Read [the wiki](https://evil.example) **first**"


def test_markdown_typed_in_word_stays_text(project, tmp_path, jobdocs):
    built = build_files(project, ["docx"], tmp_path / "out", ["software-engineer"])
    doc = Reviewed(built["software-engineer.docx"])
    doc.insert_paragraph_after(bookmark(f"{ROLE}:responsibilities[2]", 1), TYPED)
    doc.save()
    result = jobdocs(project, "review", "--apply", str(built["software-engineer.docx"]))
    assert result.exit_code == 0, result.output
    items = load_project(project).roles["software-engineer"].responsibilities
    (added,) = [item for item in items if "wiki" in item]
    html = str(inline(added))
    assert "<a " not in html and "<strong>" not in html
    assert "[the wiki](https://evil.example) **first**" in html
