#!/usr/bin/env python3
"""Checks the gold question set evaluation/questions.jsonl: valid JSON per line, schema, unique ids, known case and
section ids, coverage of every case, section type and question type.

Usage: python3 evaluation/validate_questions.py [--file blind-questions.jsonl] [--corpus corpus/studie-02-best-practices-ki-kmu.txt]
With --corpus it also lists must_mention entries that do not occur verbatim (case-insensitive) in the
brochure, for a human to review (English questions and counts may legitimately differ).
"""
import collections
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUESTIONS = "questions.jsonl"
# Id prefixes: r = from the former retrieval set, c = from the former chat set, q = written later, b = the blind set
# (blind-questions.jsonl, written by someone who saw only the brochure). Within a prefix the
# numbers run from 001 without gaps, in file order.
# d = a development set for diagnosis, written from the brochure alone
# n = a second blind set (fresh-questions.jsonl), written from the brochure alone by someone who saw neither code nor
#     word lists nor other sets, for before/after figures of a change; its types follow the blind set's mix
# u = a third blind set (unseen-questions.jsonl), written the same way in a later session
PREFIXES = ("r", "c", "q", "b", "d", "n", "u")
KEYS = ["id", "lang", "type", "question", "history", "answerable", "gold_cases", "gold_sections",
        "gold_passages", "must_mention"]
TYPES = {"case-fact", "cross-case", "study-level", "aggregate", "paraphrase", "unanswerable", "followup", "english"}
CASES = [f"B{i}" for i in range(1, 8)] + [f"K{i}" for i in range(1, 8)] + [f"P{i}" for i in range(1, 5)]
CASE_SECTIONS = ["beschreibung", "ziel", "interaktion", "prozess", "eckdaten", "herausforderungen",
                 "zusammenarbeit", "erfolgsfaktoren", "tipps", "zitat"]
STUDY_SECTIONS = ["zusammenfassung", "einleitung", "ausblick", "zielstellung", "methodik", "auswertung",
                  "ergebnisse", "tabelle-1", "tabelle-2", "fazit", "impressum"]


def check_section(s):
    if s in STUDY_SECTIONS:
        return None
    if "." in s:
        case, sec = s.split(".", 1)
        if case in CASES and sec in CASE_SECTIONS:
            return case
    raise ValueError(f"unknown section id {s!r}")


def check_passage(p):
    m = re.fullmatch(r"(?:([BKP]\d)\.)?([a-z0-9-]+)\.([1-9]\d*)", p)
    if not m:
        raise ValueError(f"malformed passage id {p!r}")
    case, sec, _ = m.groups()
    check_section(f"{case}.{sec}" if case else sec)
    return (f"{case}.{sec}" if case else sec)


def validate(path, errors, corpus):
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{path.name}:{n}"
        try:
            r = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"{where}: invalid JSON: {e}")
            continue
        rows.append(r)
        if list(r.keys()) != KEYS:
            errors.append(f"{where}: keys {list(r.keys())} != {KEYS}")
            continue
        try:
            if not re.fullmatch(r"[" + "".join(PREFIXES) + r"]\d{3}", r["id"]):
                raise ValueError(f"id {r['id']!r} does not match one of {PREFIXES} + NNN")
            if r["lang"] not in ("de", "en"):
                raise ValueError(f"lang {r['lang']!r}")
            if r["type"] not in TYPES:
                raise ValueError(f"type {r['type']!r}")
            if r["type"] == "english" and r["lang"] != "en":
                raise ValueError("type english needs lang en")
            if not isinstance(r["question"], str) or not r["question"].strip():
                raise ValueError("empty question")
            if not isinstance(r["answerable"], bool):
                raise ValueError("answerable must be boolean")
            for turn in r["history"]:
                if set(turn) != {"role", "content"} or turn["role"] not in ("user", "assistant") or not turn["content"].strip():
                    raise ValueError(f"bad history turn {turn}")
            if r["type"] == "followup" and len(r["history"]) < 2:
                raise ValueError("followup without history")
            if r["type"] != "followup" and r["history"]:
                raise ValueError("history only for followups")
            for c in r["gold_cases"]:
                if c not in CASES:
                    raise ValueError(f"unknown case {c!r}")
            if len(set(r["gold_cases"])) != len(r["gold_cases"]) or len(set(r["gold_sections"])) != len(r["gold_sections"]):
                raise ValueError("duplicate gold entries")
            section_cases = {check_section(s) for s in r["gold_sections"]} - {None}
            if section_cases != set(r["gold_cases"]):
                raise ValueError(f"gold_cases {r['gold_cases']} disagree with cases of gold_sections {sorted(section_cases)}")
            if len(r["gold_passages"]) > 1:
                raise ValueError("gold_passages names the one passage that is the answer, or none")
            for p in r["gold_passages"]:
                if check_passage(p) not in r["gold_sections"]:
                    raise ValueError(f"passage {p} outside gold_sections")
            if r["answerable"]:
                if not r["gold_sections"]:
                    raise ValueError("answerable question without gold_sections")
                if not 1 <= len(r["must_mention"]) <= 3:
                    raise ValueError("answerable question needs 1-3 must_mention")
            else:
                if r["gold_cases"] or r["gold_sections"] or r["gold_passages"] or r["must_mention"]:
                    raise ValueError("unanswerable question must have empty gold and must_mention")
                if r["type"] not in ("unanswerable", "followup"):
                    raise ValueError("answerable=false only for unanswerable or followup")
            if r["type"] == "unanswerable" and r["answerable"]:
                raise ValueError("type unanswerable must have answerable=false")
            if r["type"] == "study-level" and r["gold_cases"]:
                raise ValueError("study-level question with gold_cases")
        except ValueError as e:
            errors.append(f"{where} ({r.get('id')}): {e}")
    ids = [r.get("id") for r in rows]
    for i, k in collections.Counter(ids).items():
        if k > 1:
            errors.append(f"{path.name}: duplicate id {i}")
    for prefix in PREFIXES:
        own = [i for i in ids if isinstance(i, str) and i.startswith(prefix)]
        if own != [f"{prefix}{n:03d}" for n in range(1, len(own) + 1)]:
            errors.append(f"{path.name}: {prefix} ids are not consecutive from {prefix}001 in file order")
    if corpus:
        text = corpus.lower()
        for r in rows:
            for m in r.get("must_mention", []):
                if m.lower() not in text:
                    print(f"  review: {r['id']} ({r['lang']}) must_mention not verbatim: {m!r}")
    return rows


def main():
    corpus = None
    if "--corpus" in sys.argv:
        corpus = Path(sys.argv[sys.argv.index("--corpus") + 1]).read_text(encoding="utf-8")
        corpus = re.sub(r"\s+", " ", corpus)
    errors = []
    name = sys.argv[sys.argv.index("--file") + 1] if "--file" in sys.argv else QUESTIONS
    rows = validate(HERE / name, errors, corpus)
    counts = collections.Counter(r["type"] for r in rows)
    print(f"{name}: {len(rows)} questions; " + ", ".join(f"{t}={counts[t]}" for t in sorted(TYPES)))
    # the gold and blind sets are measured sets and need breadth; the development set is for looking at failures
    minimum = 80 if name.startswith("dev") else 120
    if len(rows) < minimum:
        errors.append(f"only {len(rows)} questions, at least {minimum} expected")
    # breadth over every question type and section is asked of the gold and blind sets, not of the later sets
    broad = not name.startswith(("dev", "fresh", "unseen"))
    for t in sorted(TYPES):
        if broad and counts[t] == 0:
            errors.append(f"question type {t} has no question")
    if not any(not r["answerable"] for r in rows):
        errors.append("no unanswerable question")
    passages = sum(1 for r in rows if r["gold_passages"])
    print(f"with gold_passages: {passages}; answerable: {sum(1 for r in rows if r['answerable'])}; "
          f"unanswerable: {sum(1 for r in rows if not r['answerable'])}")
    case_hits = collections.Counter(c for r in rows for c in r["gold_cases"])
    for c in CASES:
        if case_hits[c] < 2:
            errors.append(f"case {c} is gold in fewer than 2 questions")
    sec_types = {s.split(".")[-1] for r in rows for s in r["gold_sections"]}
    for s in CASE_SECTIONS + STUDY_SECTIONS:
        if broad and s not in sec_types:
            errors.append(f"section type {s} never used as gold")
    print("case coverage:", " ".join(f"{c}={case_hits[c]}" for c in CASES))
    if errors:
        print("\n".join(errors))
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
