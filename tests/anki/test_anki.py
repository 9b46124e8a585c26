"""What the official Anki library sees when it imports zhika's exports.

Every test copies the notes into a temporary folder, runs the real `zhika` binary there
(`ZHIKA_BIN`, default target/debug/zhika) and imports the result into a fresh collection with
Anki's own importer (PyPI package `anki`, the Rust code Anki desktop runs).

Run: .venv/bin/python -m pytest tests/anki
Under CI (`CI` set) a missing `anki` package or binary is a failure, never a skip.
"""

from __future__ import annotations

import importlib
import json
import os
import sqlite3
import subprocess
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ZHIKA_BIN = Path(os.environ.get("ZHIKA_BIN") or REPO / "target" / "debug" / "zhika")
IN_CI = bool(os.environ.get("CI"))
SETUP = "python3 -m venv .venv && .venv/bin/pip install -r tests/anki/requirements.txt"


def _require(module: str):
    try:
        return importlib.import_module(module)
    except ImportError as err:
        if IN_CI:
            raise RuntimeError(f"`{module}` is required under CI; install it: {SETUP}") from err
        pytest.skip(f"`{module}` is not installed ({SETUP})", allow_module_level=True)


_require("anki")
jsonschema = _require("jsonschema")
from anki.collection import (  # noqa: E402
    Collection,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
    ImportCsvRequest,
)

if not ZHIKA_BIN.is_file():
    message = f"zhika binary not found at {ZHIKA_BIN}: run `cargo build` or set ZHIKA_BIN"
    if IN_CI:
        raise RuntimeError(message)
    pytest.skip(message, allow_module_level=True)

T0 = 1_750_000_000
GO = "go-interview"
SECTIONS = "sections"
SECTIONS_NOTES = """## Go基础

1. make 和 new 的区别？
make 只用于 slice、map、channel；new 返回指针。

2. 这段代码输出什么？
```python
# 以 # 开头的行不是 CSV 注释
print(1)
```
答案：1

## 并发

1. goroutine 和线程的区别？
![GMP](images/gmp.png)
![外面](../outside.png)
goroutine 是用户态调度的，栈初始只有 2KB。

2. 如何优雅地关闭 channel？
"""
PNG = b"\x89PNG\r\n\x1a\n zhika test image"


class Project:
    """A notes folder in a temporary directory, exported with the real binary."""

    def __init__(self, root: Path):
        self.root = root
        self.source = root / "source"
        self.out = root / "exports"
        self.source.mkdir(parents=True)
        # Bytes only: the repository's copy may be read-only, and the tests edit theirs.
        (self.source / f"{GO}.txt").write_bytes((REPO / "source" / f"{GO}.txt").read_bytes())
        (self.source / f"{SECTIONS}.md").write_text(SECTIONS_NOTES, encoding="utf-8")
        (self.source / "images").mkdir()
        (self.source / "images" / "gmp.png").write_bytes(PNG)
        (root / "outside.png").write_bytes(b"must never be packaged")

    def export(self, *args: str, epoch: int = T0, code: int | None = None) -> subprocess.CompletedProcess:
        """Run `zhika export`; by default expect success, findings in the notes (exit 1) included."""
        env = dict(os.environ, SOURCE_DATE_EPOCH=str(epoch), NO_COLOR="1")
        run = subprocess.run(
            [str(ZHIKA_BIN), "export", *args],
            cwd=self.root,
            env=env,
            capture_output=True,
            text=True,
        )
        if code is None:
            assert run.returncode in (0, 1), run.stderr
        else:
            assert run.returncode == code, run.stderr
        return run

    def notes(self, deck: str = GO) -> Path:
        return self.source / (f"{deck}.txt" if deck == GO else f"{deck}.md")

    def edit(self, old: str, new: str, deck: str = GO) -> None:
        path = self.notes(deck)
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} must occur once in {path.name}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    def document(self, deck: str = GO) -> dict:
        return json.loads((self.out / f"{deck}.json").read_text(encoding="utf-8"))

    def exported(self, deck: str = GO) -> list[dict]:
        """The records Anki gets (answered ones), in source order."""
        return [r for r in self.document(deck)["records"] if not unanswered(r)]

    def file(self, deck: str, ext: str) -> Path:
        return self.out / f"{deck}.{ext}"

    def lock(self) -> dict:
        return json.loads((self.source / "zhika.lock").read_text(encoding="utf-8"))


def unanswered(record: dict) -> bool:
    return all(not b["text"].strip() for b in record["answer"])


def card_deck(record: dict) -> str:
    return f"{record['deck']}::{record['section']}" if record["section"] else record["deck"]


def import_apkg(col: Collection, path: Path, with_scheduling: bool = False):
    """Import like Anki desktop's default: update notes and note types if newer."""
    options = ImportAnkiPackageOptions(with_scheduling=with_scheduling)
    request = ImportAnkiPackageRequest(package_path=str(path), options=options)
    return col.import_anki_package(request).log


def import_csv(col: Collection, path: Path):
    metadata = col.get_csv_metadata(path=str(path), delimiter=None)
    return col.import_csv(ImportCsvRequest(path=str(path), metadata=metadata)).log


def note_by_guid(col: Collection, guid: str):
    nid = col.db.scalar("select id from notes where guid = ?", guid)
    assert nid, f"no note with GUID {guid}"
    return col.get_note(nid)


def counts(log) -> tuple[int, int, int]:
    return len(log.new), len(log.updated), len(log.duplicate)


def snapshot(col: Collection) -> dict:
    return {
        guid: (nid, mod, flds, tags)
        for nid, guid, mod, flds, tags in col.db.all("select id, guid, mod, flds, tags from notes")
    }


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path / "project")


@pytest.fixture
def col(tmp_path: Path):
    folder = tmp_path / "anki"
    folder.mkdir()
    collection = Collection(str(folder / "collection.anki2"))
    yield collection
    collection.close()


def test_fresh_import_gives_one_note_per_record(project: Project, col: Collection):
    project.export()
    for deck in (GO, SECTIONS):
        log = import_apkg(col, project.file(deck, "apkg"))
        records = project.exported(deck)
        assert counts(log) == (len(records), 0, 0)
        assert sorted(col.find_notes(f'"deck:{deck}"')) == sorted(
            note_by_guid(col, r["id"]).id for r in records
        )
        for r in records:
            note = note_by_guid(col, r["id"])
            notetype = note.note_type()
            assert notetype["name"] == "zhika Q&A"
            assert [f["name"] for f in notetype["flds"]] == ["Question", "Context", "Answer", "Source"]
            front = f'<div class="zk-question">{note["Question"]}</div>'
            if note["Context"]:
                front += f'<div class="zk-context">{note["Context"]}</div>'
            assert front == r["front_html"]
            assert note["Answer"] == r["back_html"]
            assert note["Source"] == f"{Path(r['source']['path']).name}:{r['source']['start_line']}"
            assert sorted(note.tags) == sorted(r["tags"])
            (card,) = note.cards()
            assert col.decks.name(card.did) == card_deck(r)
            assert note["Question"] in card.question()
            assert '<hr id="answer">' in card.answer() or "<hr id=answer>" in card.answer()
            assert note["Answer"] in card.answer()
    names = {d.name for d in col.decks.all_names_and_ids()}
    assert {GO, SECTIONS, f"{SECTIONS}::Go基础", f"{SECTIONS}::并发"} <= names
    # The unanswered question is left out; the code block starting with `#` is kept.
    assert len(project.document(SECTIONS)["records"]) == 4
    assert len(project.exported(SECTIONS)) == 3


def test_sort_field_and_checksum_match_what_anki_computes(project: Project, col: Collection):
    project.export()
    package = project.file(GO, "apkg")
    db_path = project.root / "collection.anki2"
    db_path.write_bytes(zipfile.ZipFile(package).read("collection.anki2"))
    ours = dict(
        (guid, (sfld, csum))
        for guid, sfld, csum in sqlite3.connect(db_path).execute("select guid, sfld, csum from notes")
    )
    import_apkg(col, package)
    anki = {guid: (sfld, csum) for guid, sfld, csum in col.db.all("select guid, sfld, csum from notes")}
    assert ours == anki


def test_local_images_travel_as_media_and_nothing_outside_the_notes(project: Project, col: Collection):
    project.export()
    package = zipfile.ZipFile(project.file(SECTIONS, "apkg"))
    assert [i.filename for i in package.infolist()] == ["collection.anki2", "media", "0"]
    assert json.loads(package.read("media")) == {"0": "gmp.png"}
    import_apkg(col, project.file(SECTIONS, "apkg"))
    media = Path(col.media.dir())
    assert (media / "gmp.png").read_bytes() == PNG
    assert not (media / "outside.png").exists()


@pytest.mark.parametrize("with_scheduling", [False, True])
def test_new_cards_arrive_in_source_order(project: Project, col: Collection, with_scheduling: bool):
    project.export()
    import_apkg(col, project.file(GO, "apkg"), with_scheduling=with_scheduling)
    source_order = [r["id"] for r in project.exported(GO)]
    by_due = col.db.list(
        "select n.guid from cards c join notes n on c.nid = n.id where c.queue = 0 order by c.due, c.id"
    )
    assert by_due == source_order
    col.decks.select(col.decks.id_for_name(GO))
    queued = col.sched.get_queued_cards(fetch_limit=len(source_order))
    assert [col.get_card(q.card.id).note().guid for q in queued.cards] == source_order


def test_unchanged_rebuild_is_identical_and_reimport_changes_nothing(project: Project, col: Collection):
    project.export()
    first = {ext: project.file(GO, ext).read_bytes() for ext in ("apkg", "csv", "json")}
    lock = (project.source / "zhika.lock").read_bytes()
    log = import_apkg(col, project.file(GO, "apkg"))
    count = len(log.new)
    before = snapshot(col)

    project.export(epoch=T0 + 86_400)
    for ext, data in first.items():
        assert project.file(GO, ext).read_bytes() == data, f"{ext} changed"
    assert (project.source / "zhika.lock").read_bytes() == lock
    log = import_apkg(col, project.file(GO, "apkg"))
    assert counts(log) == (0, 0, count)
    assert snapshot(col) == before


def test_edited_answer_updates_that_note_in_place_and_keeps_its_history(project: Project, col: Collection):
    project.export()
    import_apkg(col, project.file(GO, "apkg"))
    first = project.exported(GO)[0]
    # Study the first card: Easy graduates it to a review card with an interval.
    col.decks.select(col.decks.id_for_name(GO))
    card = col.sched.getCard()
    assert card.note().guid == first["id"]
    col.sched.answerCard(card, 4)
    card.load()
    studied = (card.type, card.queue, card.ivl, card.due, card.reps, card.factor)
    assert card.reps == 1 and card.ivl > 0
    revlog = col.db.all("select * from revlog where cid = ?", card.id)
    assert len(revlog) == 1
    before = snapshot(col)

    project.edit("有一点非常重要：new返回指针。", "有一点非常重要：new 返回的是指针。")
    # Same clock as the first export: the new mtime must still be newer than the old one.
    project.export(epoch=T0)
    mtimes = {i: e["mtime"] for i, e in project.lock()["decks"][GO].items()}
    assert mtimes[first["id"]] == T0 + 1
    assert {m for i, m in mtimes.items() if i != first["id"]} == {T0}

    log = import_apkg(col, project.file(GO, "apkg"))
    assert counts(log) == (0, 1, len(before) - 1)
    assert log.updated[0].id.nid == before[first["id"]][0]
    note = note_by_guid(col, first["id"])
    assert note.id == before[first["id"]][0]
    assert "new 返回的是指针" in note["Answer"]
    card.load()
    assert (card.type, card.queue, card.ivl, card.due, card.reps, card.factor) == studied
    assert col.db.all("select * from revlog where cid = ?", card.id) == revlog
    after = snapshot(col)
    assert {g: v for g, v in after.items() if g != first["id"]} == {
        g: v for g, v in before.items() if g != first["id"]
    }


def test_one_added_question_adds_exactly_one_note(project: Project, col: Collection):
    project.export()
    import_apkg(col, project.file(GO, "apkg"))
    old_ids = [r["id"] for r in project.exported(GO)]
    with project.notes(GO).open("a", encoding="utf-8") as f:
        f.write("\n\n什么是逃逸分析？\n编译器决定变量分配在栈上还是堆上。\n")
    project.export(epoch=T0 + 60)
    new_ids = [r["id"] for r in project.exported(GO)]
    assert new_ids[: len(old_ids)] == old_ids and len(new_ids) == len(old_ids) + 1

    log = import_apkg(col, project.file(GO, "apkg"))
    assert counts(log) == (1, 0, len(old_ids))
    assert "逃逸分析" in note_by_guid(col, new_ids[-1])["Question"]
    cards = col.db.list("select n.guid from cards c join notes n on c.nid = n.id order by c.due")
    assert cards[-1] == new_ids[-1]


def test_typo_fix_in_a_question_keeps_the_note(project: Project, col: Collection):
    project.export()
    import_apkg(col, project.file(GO, "apkg"))
    record = next(r for r in project.exported(GO) if r["question"] == "简要描述go中的main和init函数的区别")
    before = note_by_guid(col, record["id"])

    project.edit("简要描述go中的main和init函数的区别", "简要描述go中的main与init函数的区别")
    run = project.export(epoch=T0 + 60)
    assert "removed" not in run.stderr
    assert "reworded question keeps its card" in run.stderr
    fixed = next(r for r in project.exported(GO) if r["question"] == "简要描述go中的main与init函数的区别")
    assert fixed["id"] == record["id"]

    log = import_apkg(col, project.file(GO, "apkg"))
    assert counts(log)[:2] == (0, 1)
    note = note_by_guid(col, record["id"])
    assert note.id == before.id
    assert "main与init" in note["Question"]


def test_removed_question_is_named_in_the_summary(project: Project):
    project.export()
    gone = "sync.WaitGroup的使用场景？"
    record = next(r for r in project.exported(GO) if r["question"] == gone)
    text = project.notes(GO).read_text(encoding="utf-8")
    start = text.index("6、sync.WaitGroup")
    end = text.index("7、orm")
    project.notes(GO).write_text(text[:start] + text[end:], encoding="utf-8")

    run = project.export(epoch=T0 + 60)
    assert f"{GO}: removed from the notes (Anki keeps the note): {gone}\n" in run.stderr
    assert record["id"] not in project.lock()["decks"][GO]
    assert "removed" not in project.export(epoch=T0 + 120).stderr


def test_csv_imports_every_record_and_reimport_adds_none(project: Project, col: Collection):
    project.export()
    for deck in (GO, SECTIONS):
        path = project.file(deck, "csv")
        metadata = col.get_csv_metadata(path=str(path), delimiter=None)
        assert (metadata.guid_column, metadata.tags_column, metadata.deck_column) == (3, 4, 5)
        assert metadata.is_html
        records = project.exported(deck)
        log = import_csv(col, path)
        assert len(log.new) == len(records)
        for r in records:
            note = note_by_guid(col, r["id"])
            assert note.note_type()["name"] == "Basic"
            assert note["Front"] == r["front_html"]
            assert note["Back"] == r["back_html"]
            assert sorted(note.tags) == sorted(r["tags"])
            assert {col.decks.name(c.did) for c in note.cards()} == {card_deck(r)}
        log = import_csv(col, path)
        assert len(log.new) == 0 and len(log.updated) == 0
    total = col.note_count()

    first = project.exported(GO)[0]
    nid = note_by_guid(col, first["id"]).id
    project.edit("有一点非常重要：new返回指针。", "有一点非常重要：new 返回的是指针。")
    project.export(epoch=T0 + 60)
    log = import_csv(col, project.file(GO, "csv"))
    assert len(log.new) == 0 and len(log.updated) == 1
    assert col.note_count() == total
    assert "new 返回的是指针" in col.get_note(nid)["Back"]


def test_json_validates_against_the_published_schema(project: Project):
    schema_path = REPO / "schema" / "zhika.records.schema.json"
    if schema_path.is_file():
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
    else:
        out = subprocess.run([str(ZHIKA_BIN), "schema"], capture_output=True, text=True, check=True)
        schema = json.loads(out.stdout)
    validator = jsonschema.validators.validator_for(schema)
    validator.check_schema(schema)
    project.export()
    for deck in (GO, SECTIONS):
        validator(schema).validate(project.document(deck))


def test_include_unanswered_sends_every_record(project: Project, col: Collection):
    project.export("--include-unanswered")
    log = import_apkg(col, project.file(SECTIONS, "apkg"))
    assert len(log.new) == len(project.document(SECTIONS)["records"]) == 4


def test_corrupt_lock_is_an_error_and_writes_nothing(project: Project):
    lock = project.source / "zhika.lock"
    lock.write_text('{"format": "zhika.lock", "decks": ', encoding="utf-8")
    run = project.export(code=2)
    assert "source/zhika.lock" in run.stderr and "corrupt" in run.stderr
    assert not project.out.exists()
    assert lock.read_text(encoding="utf-8") == '{"format": "zhika.lock", "decks": '
