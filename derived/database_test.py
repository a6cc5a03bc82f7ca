"""The SQLite database of dist/: every row with its declared type, NULL for empty cells, keys that hold, search, and
ready-to-read views that cover what they promise."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict

import pytest

from model.loader import Package
from tests.faults import REPO, append_row, break_cell, delete_row, restamp, row_number, rows, set_cells

from . import database

DESCRIPTOR = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def connection(dist_folder):
    with sqlite3.connect(dist_folder / "detentions.db") as opened:
        yield opened


def test_every_row_of_every_table_with_its_declared_type(connection):
    # SQLite has no boolean: a boolean cell ("true"/"false") is held as 1/0, as SQLite's own TRUE and FALSE are
    booleans = {"true": 1, "false": 0}
    python_types = {"string": str, "date": str, "integer": int, "number": float, "boolean": booleans.__getitem__}
    for resource in DESCRIPTOR["resources"]:
        expected = [record for _, record in rows(REPO, resource["path"])]
        stored = connection.execute(f'SELECT * FROM "{resource["name"]}" ORDER BY rowid').fetchall()
        assert len(stored) == len(expected), resource["name"]
        for record, row in zip(expected, stored):
            for f, value in zip(resource["schema"]["fields"], row):
                text, kind = record[f["name"]], python_types[f["type"]]
                where = (resource["name"], f["name"], text)
                if text == "":
                    assert value is None, where
                elif f["type"] == "boolean":
                    assert type(value) is int and value == kind(text), where
                else:
                    assert type(value) is kind and value == kind(text), where


def test_primary_and_foreign_keys_are_declared_and_hold(connection):
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    for resource in DESCRIPTOR["resources"]:
        declared = connection.execute(f'PRAGMA foreign_key_list("{resource["name"]}")').fetchall()
        assert len(declared) == sum(len(fk["fields"]) for fk in resource["schema"].get("foreignKeys", []))
        key = [row[1] for row in connection.execute(f'PRAGMA table_info("{resource["name"]}")') if row[5]]
        assert key == resource["schema"]["primaryKey"]


def test_every_foreign_key_is_indexed(connection):
    for resource in DESCRIPTOR["resources"]:
        indexed = {
            tuple(row[2] for row in connection.execute(f'PRAGMA index_info("{index[1]}")'))
            for index in connection.execute(f'PRAGMA index_list("{resource["name"]}")')
        }
        for fk in resource["schema"].get("foreignKeys", []):
            assert tuple(fk["fields"]) in indexed, (resource["name"], fk["fields"])


def test_full_text_search_finds_quotes_and_every_spelling(connection):
    testimony = rows(REPO, "data/testimonies.csv")[0][1]
    word = max(testimony["quote"].split(), key=len).strip(".,;:“”\"'’‘()")
    found = connection.execute(
        "SELECT testimony_id FROM testimonies WHERE rowid IN "
        "(SELECT rowid FROM testimonies_fts WHERE testimonies_fts MATCH ?)",
        (f'"{word}"',),
    ).fetchall()
    assert (testimony["testimony_id"],) in found
    spelling = rows(REPO, "data/person_names.csv")[-1][1]
    assert connection.execute(
        "SELECT person_id FROM person_names WHERE rowid IN "
        "(SELECT rowid FROM person_names_fts WHERE person_names_fts MATCH ?)",
        (f'"{spelling["name"].split()[0]}"',),
    ).fetchall()


def test_every_ready_to_read_table_has_rows_and_citations(connection):
    for ready in database.ready_tables(Package(REPO)):
        header = [d[0] for d in connection.execute(f'SELECT * FROM "{ready.name}" LIMIT 1').description]
        assert connection.execute(f'SELECT count(*) FROM "{ready.name}"').fetchone()[0] > 0, ready.name
        assert set(ready.columns) <= set(header), ready.name
        if "citation" in header:
            # every row is cited, but a case sheet's row saying that no row of the package fills its element
            uncited = f'SELECT count(*) FROM "{ready.name}" WHERE citation IS NULL'
            if ready.name == "case_sheets":
                uncited += f" AND fact <> '{NOT_IN_THE_SOURCES}'"
            assert connection.execute(uncited).fetchone() == (0,), ready.name


def test_the_dossier_holds_every_entity_named_by_an_evidence_row(connection):
    package = Package(REPO)
    expected = set()
    for table, field, _ in package.model.references_to("entity"):
        if table.role == "evidence":
            expected |= {record[field] for _, record in package.rows(table.name) if record[field]}
    assert {row[0] for row in connection.execute("SELECT entity_id FROM dossier")} >= expected


MOGUDONG, MOGDUN = "per-kuliziya-mogudong", "per-kulziwa-mogdun"  # linked as possibly the same, kept apart


def test_the_dossier_of_a_person_holds_a_possibly_same_persons_rows_labelled_as_theirs(connection):
    connection.row_factory = sqlite3.Row
    try:
        rows = connection.execute("SELECT * FROM dossier WHERE entity_id = ?", (MOGUDONG,)).fetchall()
    finally:
        connection.row_factory = None
    (name,) = {row["name"] for row in rows}
    own = [row for row in rows if row["through"] is None]
    reached = [row for row in rows if row["through"] is not None]
    # her own rows (the compensation claim) are hers, and only hers
    assert own and {(row["said_of_id"], row["said_of"]) for row in own} == {(MOGUDONG, name)}
    assert "sta-0002" in {row["row_id"] for row in own}
    # Mogdun's release is in her dossier, said of Mogdun, reached through the possibly-same link, after her own rows
    release = [row for row in reached if row["row_id"] == "evt-0006"]
    assert release and all(row["said_of_id"] == MOGDUN and row["said_of"] == "Kulziwa Mogdun" for row in release)
    assert release[0]["through"] == f"possibly the same person as {name}"
    assert "evt-0006" not in {row["row_id"] for row in own}
    assert rows.index(own[-1]) < rows.index(reached[0])


def test_every_dossier_row_reached_through_a_link_is_one_the_model_declares(connection):
    package = Package(REPO)
    declared = set()
    for table in package.model.entities:
        if table.same_as:
            for _, record in package.rows(table.name):
                if record[table.same_as]:
                    declared |= {(record[table.id_field], record[table.same_as])}
                    declared |= {(record[table.same_as], record[table.id_field])}
    own = connection.execute("SELECT count(*) FROM dossier WHERE through IS NULL AND said_of_id <> entity_id")
    assert own.fetchone() == (0,)
    reached = set(connection.execute("SELECT entity_id, said_of_id FROM dossier WHERE through IS NOT NULL"))
    assert reached <= declared and (MOGUDONG, MOGDUN) in reached


def test_everything_about_one_spelling_returns_the_rows_of_both_each_saying_whose(connection):
    (question,) = [q for q in database.questions() if q["name"] == "everything_about"]
    cursor = connection.execute(question["sql"], {"name": "Mogudong"})
    header = [d[0] for d in cursor.description]
    found = [dict(zip(header, row)) for row in cursor]
    said_of = {(row["said_of"], row["through"]) for row in found}
    assert ("Kuliziya Mogudong", None) in said_of
    assert ("Kulziwa Mogdun", "possibly the same person as Kuliziya Mogudong") in said_of
    assert {row["name"] for row in found} == {"Kuliziya Mogudong"}


def test_the_dossier_reads_possibly_same_from_the_model(package_copy, tmp_path):
    descriptor_path = package_copy / "datapackage.json"
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    persons = next(r for r in descriptor["resources"] if r["name"] == "persons")
    del persons["x-model"]["same_as"]
    descriptor_path.write_text(json.dumps(descriptor), encoding="utf-8")
    database.write(Package(package_copy), tmp_path / "without.db")
    with sqlite3.connect(tmp_path / "without.db") as opened:
        assert opened.execute("SELECT count(*) FROM dossier WHERE through IS NOT NULL").fetchone() == (0,)
        assert opened.execute("SELECT count(*) FROM dossier WHERE entity_id = ?", (MOGUDONG,)).fetchone()[0] > 0


def test_every_question_runs(connection):
    for question in database.questions():
        found = connection.execute(question["sql"], {"name": "a"}).fetchall()
        assert found, question["name"]


def test_a_foreign_key_that_leads_nowhere_is_refused(package_copy, tmp_path):
    break_cell(package_copy, "data/testimonies.csv", 2, "place_id", "pl-nowhere")
    with pytest.raises(ValueError, match="foreign keys that lead nowhere"):
        database.write(Package(package_copy), tmp_path / "broken.db")


def test_statements_read_has_one_row_per_utterance_with_every_stance(connection):
    package = Package(REPO)
    records = [record for _, record in package.rows("statements")]
    utterances = {r["utterance_id"] for r in records}
    assert len(utterances) < len(records)  # some utterance is recorded as several rows
    assert connection.execute("SELECT count(*) FROM statements_read").fetchone()[0] == len(utterances)
    for utterance in utterances:
        stances = sorted({r["stance"] for r in records if r["utterance_id"] == utterance})
        (terms,) = connection.execute(
            "SELECT stance_terms FROM statements_read WHERE utterance_id = ?", (utterance,)
        ).fetchone()
        assert terms.split(";") == stances, utterance


def test_testimonies_read_has_one_row_per_account_with_every_allegation(connection):
    package = Package(REPO)
    records = [record for _, record in package.rows("testimonies")]
    accounts = {r["account_id"] for r in records}
    assert len(accounts) < len(records)  # some account is recorded as several rows
    assert connection.execute("SELECT count(*) FROM testimonies_read").fetchone()[0] == len(accounts)
    alleged = defaultdict(set)
    account_of = {r["testimony_id"]: r["account_id"] for r in records}
    for _, link in package.rows("testimony_allegations"):
        alleged[account_of[link["testimony_id"]]].add(link["allegation"])
    for account in accounts:
        ids = sorted(r["testimony_id"] for r in records if r["account_id"] == account)
        found = connection.execute(
            "SELECT testimony_ids, allegation_terms, citation FROM testimonies_read WHERE account_id = ?", (account,)
        ).fetchone()
        assert found[0].split("; ") == ids, account
        assert (found[1].split(";") if found[1] else []) == sorted(alleged[account]), account
        assert found[2].endswith(f"testimonies {', '.join(ids)}."), account


def test_detentions_and_risks_of_return_are_one_row_per_account_and_person(connection):
    package = Package(REPO)
    records = {record["testimony_id"]: record for _, record in package.rows("testimonies")}
    alleging = defaultdict(set)  # allegation: the (account, person) of the accounts that make it of a named person
    for _, link in package.rows("testimony_allegations"):
        record = records[link["testimony_id"]]
        if record["subject_person_id"]:
            alleging[link["allegation"]].add((record["account_id"], record["subject_person_id"]))
    for view, allegations in (
        ("detentions_reported", {"arbitrary-detention", "incommunicado-detention"}),
        ("at_risk_of_return", {"deportation-risk"}),
    ):
        found = connection.execute(f"SELECT row, person_id FROM {view} WHERE row LIKE 'testimonies %'").fetchall()
        wanted = set().union(*(alleging[a] for a in allegations))
        assert len(found) == len(wanted), view
        for row, person in found:
            ids = row.removeprefix("testimonies ").split("; ")
            assert len({records[i]["account_id"] for i in ids}) == 1, row
            assert (records[ids[0]]["account_id"], person) in wanted, row
    grouped = connection.execute("SELECT count(*) FROM detentions_reported WHERE row LIKE 'testimonies %;%'")
    assert grouped.fetchone()[0] > 0  # the shipped data has an account of several rows alleging a detention


def test_the_question_of_grave_allegations_has_one_row_per_allegation_and_account(connection):
    (question,) = [q for q in database.questions() if q["name"].startswith("testimonies_of_torture")]
    cursor = connection.execute(question["sql"])
    header = [d[0] for d in cursor.description]
    found = [dict(zip(header, row)) for row in cursor]
    pairs = [(row["allegation"], row["testimony_ids"]) for row in found]
    assert len(pairs) == len(set(pairs))
    package = Package(REPO)
    account_of = {r["testimony_id"]: r["account_id"] for _, r in package.rows("testimonies")}
    grave = {"torture", "forced-labour", "sexual-violence", "forced-abortion"}
    wanted = {
        (link["allegation"], account_of[link["testimony_id"]])
        for _, link in package.rows("testimony_allegations")
        if link["allegation"] in grave
    }
    assert len(found) == len(wanted)
    # the quote is that of a row of the account that makes the allegation
    labels = {r["term"]: r["label"] for _, r in package.rows("allegation_types")}
    made_by = defaultdict(set)  # allegation, by its label: the rows that make it
    for _, link in package.rows("testimony_allegations"):
        made_by[labels[link["allegation"]]].add(link["testimony_id"])
    texts = {r["testimony_id"]: r["quote"] for _, r in package.rows("testimonies")}
    for row in found:
        makers = [i for i in row["testimony_ids"].split("; ") if i in made_by[row["allegation"]]]
        assert makers and row["quote"] in {texts[i] for i in makers}, row


def test_events_read_names_who_reports_each_event(connection):
    package = Package(REPO)
    for _, event in package.rows("events"):
        (claimant,) = connection.execute(
            "SELECT claimant FROM events_read WHERE event_id = ?", (event["event_id"],)
        ).fetchone()
        if event["claimant_description"]:
            assert claimant == event["claimant_description"]
        elif not event["claimant_person_id"] and not event["claimant_org_id"]:
            assert claimant.endswith("(the publisher)"), event["event_id"]


# ---------------------------------------------------------------- case sheets

NOT_IN_THE_SOURCES = "Not in the sources."
EVERY_CASE = ["identity", "date", "place", "responsible", "steps", "results", "reported_by"]
AT_RISK = ["risk", "status", "officials"]
DETENTION_EVENTS = {"arrest", "detention", "sentence", "trial"}
STEPS = {
    "public-appeal",
    "petition",
    "legal-action",
    "compensation-claim",
    "protest",
    "access-request",
    "meeting",
    "press-conference",
    "interview",
}
QUOTED = {"events": "event_id", "testimonies": "testimony_id", "statements": "statement_id"}


def _records(opened: sqlite3.Connection, sql: str, parameters: tuple | dict = ()) -> list[dict]:
    cursor = opened.execute(sql, parameters)
    header = [d[0] for d in cursor.description]
    return [dict(zip(header, row)) for row in cursor]


def _case_sheet(opened: sqlite3.Connection, person_id: str) -> dict[str, list[dict]]:
    """element: its rows, of one person's case sheet."""
    sheet = defaultdict(list)
    for row in _records(opened, "SELECT * FROM case_sheets WHERE person_id = ?", (person_id,)):
        sheet[row["element"]].append(row)
    return sheet


def _person_id(name: str) -> str:
    (found,) = [r["person_id"] for _, r in rows(REPO, "data/persons.csv") if r["name"] == name]
    return found


def _table(relpath: str, key: str) -> dict[str, dict[str, str]]:
    return {r[key]: r for _, r in rows(REPO, relpath)}


def test_every_case_has_a_sheet_with_every_element_filled_or_not_in_the_sources(connection):
    detained = {r[0] for r in connection.execute("SELECT person_id FROM detentions_reported")}
    at_risk = {r[0] for r in connection.execute("SELECT person_id FROM at_risk_of_return")}
    testimonies = _table("data/testimonies.csv", "testimony_id")
    disappeared = {
        testimonies[testimonies[link["testimony_id"]]["account_id"]]["subject_person_id"]
        for _, link in rows(REPO, "data/testimony_allegations.csv")
        if link["allegation"] == "enforced-disappearance"
    } - {""}
    found = _records(connection, "SELECT * FROM case_sheets")
    assert {r["person_id"] for r in found} == detained | at_risk | disappeared
    quotes = {table: _table(f"data/{table}.csv", key) for table, key in QUOTED.items()}
    spellings = {(r["person_id"], r["source_id"], r["name"]) for _, r in rows(REPO, "data/person_names.csv")}
    sheets = defaultdict(list)
    for row in found:
        sheets[row["person_id"]].append(row)
    for person, sheet in sheets.items():
        words = [("detained", detained), ("disappeared", disappeared), ("at risk of return", at_risk)]
        assert {r["case"] for r in sheet} == {"; ".join(w for w, persons in words if person in persons)}, person
        elements = EVERY_CASE + (AT_RISK if person in at_risk else [])
        # the elements in their order, each once and together; element_order numbers them
        assert list(dict.fromkeys(r["element"] for r in sheet)) == elements, person
        assert [r["element_order"] for r in sheet] == sorted(r["element_order"] for r in sheet), person
        assert {r["element_order"]: r["element"] for r in sheet} == dict(enumerate(elements, start=1)), person
        for element in elements:
            filling = [r for r in sheet if r["element"] == element]
            if any(r["fact"] == NOT_IN_THE_SOURCES for r in filling):
                (row,) = filling
                empty = ("quote", "citation", "row", "source_id", "date_text", "place", "precision_note")
                assert all(row[c] is None for c in empty), row
                continue
            for row in filling:
                assert row["fact"] and row["quote"] and row["citation"] and row["source_id"], row
                table, ids = row["row"].split(" ", 1)
                ids = ids.split("; ")
                # the citation names the rows, and the quote is that of one of them, from the source cited
                assert row["citation"].endswith(f", {table} {', '.join(ids)}."), row
                if table == "persons":
                    assert ids == [person] and (person, row["source_id"], row["quote"]) in spellings, row
                else:
                    cited = [quotes[table][i] for i in ids]
                    assert row["quote"] in {r["quote"] for r in cited}, row
                    assert {r["source_id"] for r in cited} == {row["source_id"]}, row
                assert row["precision_note"] is None or element == "date", row


def test_the_sheet_of_watbek_qabelqaze_has_the_date_place_and_forces_of_the_events_that_name_him(connection):
    person = _person_id("Watbek Qabelqaze")
    events = _table("data/events.csv", "event_id")
    taking_part = [r for _, r in rows(REPO, "data/event_participants.csv")]
    labels = {r["term"]: r["label"] for _, r in rows(REPO, "data/vocabularies/event_types.csv")}
    places = {r["place_id"]: r["name"] for _, r in rows(REPO, "data/places.csv")}
    names = {r["person_id"]: r["name"] for _, r in rows(REPO, "data/persons.csv")}
    names |= {r["org_id"]: r["name"] for _, r in rows(REPO, "data/organizations.csv")}
    his = sorted(
        r["event_id"]
        for r in taking_part
        if r["person_id"] == person
        and r["role"] == "detainee"
        and events[r["event_id"]]["event_type"] in DETENTION_EVENTS
    )
    assert his  # the sources name him as the one arrested
    sheet = _case_sheet(connection, person)
    for element in ("date", "place", "responsible"):
        assert all(r["citation"] for r in sheet[element]), element
    for event_id in his:
        event, row_id = events[event_id], f"events {event_id}"
        label = labels[event["event_type"]]
        if event["date_start"] or event["date_text"]:
            (dated,) = [r for r in sheet["date"] if r["row"] == row_id]
            assert (
                dated["fact"].startswith(f"{label}: ") and (event["date_text"] or event["date_start"]) in dated["fact"]
            )
            assert (dated["date_earliest"], dated["date_latest"]) == (event["date_earliest"], event["date_latest"])
            assert dated["quote"] == event["quote"]
        if event["place_id"]:
            (placed,) = [r for r in sheet["place"] if r["row"] == row_id]
            assert placed["place"] == places[event["place_id"]] and placed["fact"] == f"{label}: {placed['place']}"
        authorities = {
            names[r["person_id"] or r["org_id"]]
            for r in taking_part
            if r["event_id"] == event_id and r["role"] == "authority"
        }
        assert {r["fact"] for r in sheet["responsible"] if r["row"] == row_id} == {
            f"{a} ({label})" for a in authorities
        }
    assert {r["row"] for r in sheet["responsible"]} <= {f"events {e}" for e in his}


def test_the_steps_of_jomart_kamil_are_those_the_data_links_to_her(connection, package_copy, tmp_path):
    kamil, aixa = _person_id("Jomart Kamil"), _person_id("Jomart Aixa")
    events = _table("data/events.csv", "event_id")
    taking_part = [r for _, r in rows(REPO, "data/event_participants.csv")]
    linked = {
        r["event_id"] for r in taking_part if r["person_id"] == kamil and events[r["event_id"]]["event_type"] in STEPS
    }
    sheet = _case_sheet(connection, kamil)
    assert {r["row"] for r in sheet["steps"] if r["citation"]} == {f"events {e}" for e in linked}
    # Jomart Aixa's public appeal: the shipped data names her as its applicant, but not her sister as its subject
    # (the text names no one on whose behalf she appeals); linked so, it is one of her sister's steps
    appeal = next(
        r["event_id"]
        for r in taking_part
        if r["person_id"] == aixa and events[r["event_id"]]["event_type"] == "public-appeal"
    )
    if appeal not in linked:
        append_row(
            package_copy, "data/event_participants.csv", {"event_id": appeal, "person_id": kamil, "role": "subject"}
        )
        restamp(package_copy, "data/event_participants.csv")
        database.write(Package(package_copy), tmp_path / "linked.db")
        with sqlite3.connect(tmp_path / "linked.db") as opened:
            sheet = _case_sheet(opened, kamil)
    (step,) = [r for r in sheet["steps"] if r["row"] == f"events {appeal}"]
    assert step["fact"].startswith("Public appeal — ") and "Jomart Aixa (Applicant)" in step["fact"]
    assert step["quote"] == events[appeal]["quote"] and step["citation"].endswith(f"events {appeal}.")


def test_an_element_the_data_no_longer_fills_is_not_in_the_sources(package_copy, tmp_path):
    person = _person_id("Watbek Qabelqaze")
    events = _table("data/events.csv", "event_id")
    his = {
        r["event_id"]
        for _, r in rows(package_copy, "data/event_participants.csv")
        if r["person_id"] == person and r["role"] in ("detainee", "subject")
    }
    # take away the place of every event and account about him, and every authority of his events
    for event_id in sorted(his):
        if events[event_id]["place_id"]:
            break_cell(package_copy, "data/events.csv", {"event_id": event_id}, "place_id", "")
    for _, testimony in rows(package_copy, "data/testimonies.csv"):
        if testimony["subject_person_id"] == person and testimony["place_id"]:
            break_cell(
                package_copy, "data/testimonies.csv", {"testimony_id": testimony["testimony_id"]}, "place_id", ""
            )
    authorities = [
        number
        for number, r in rows(package_copy, "data/event_participants.csv")
        if r["event_id"] in his and r["role"] == "authority"
    ]
    assert authorities
    for number in sorted(authorities, reverse=True):
        delete_row(package_copy, "data/event_participants.csv", number)
    restamp(package_copy, "data/event_participants.csv")
    database.write(Package(package_copy), tmp_path / "broken.db")
    with sqlite3.connect(tmp_path / "broken.db") as opened:
        sheet = _case_sheet(opened, person)
    for element in ("place", "responsible"):
        assert [(r["fact"], r["quote"], r["citation"]) for r in sheet[element]] == [(NOT_IN_THE_SOURCES, None, None)]
    assert sheet["date"] and all(r["citation"] for r in sheet["date"])  # the dates are still there


def test_a_date_the_sources_give_only_to_the_year_is_noted(package_copy, tmp_path):
    person = _person_id("Watbek Qabelqaze")
    event_id = next(
        r["event_id"]
        for _, r in rows(package_copy, "data/event_participants.csv")
        if r["person_id"] == person and r["role"] == "detainee"
    )
    number = row_number(package_copy, "data/events.csv", event_id=event_id)
    set_cells(
        package_copy,
        "data/events.csv",
        number,
        date_start="2017",
        date_end="",
        date_earliest="2017-01-01",
        date_latest="2017-12-31",
    )
    database.write(Package(package_copy), tmp_path / "year.db")
    with sqlite3.connect(tmp_path / "year.db") as opened:
        sheet = _case_sheet(opened, person)
    (row,) = [r for r in sheet["date"] if r["row"] == f"events {event_id}"]
    assert (
        row["precision_note"] == "The sources give only the year; the Working Group asks at least the month and year."
    )
    # a date of one day (the shipped account of his arrest) has none
    assert [r["precision_note"] for r in sheet["date"] if r["row"].startswith("testimonies ")] == [None]


def test_the_case_sheet_question_finds_a_person_by_any_spelling(connection):
    (question,) = [q for q in database.questions() if q["name"] == "case_sheet_of"]
    person = _person_id("Gulzire Awulqanqizi")
    spelling = next(
        r["name"]
        for _, r in rows(REPO, "data/person_names.csv")
        if r["person_id"] == person and r["name"] not in {p["name"] for _, p in rows(REPO, "data/persons.csv")}
    )
    found = _records(connection, question["sql"], {"name": spelling})
    assert {r["person"] for r in found} == {"Gulzire Awulqanqizi"}
    labels = [r["element_label"] for r in found]
    assert list(dict.fromkeys(labels))[0] == "Identity" and "Risk of return, as stated" in labels
