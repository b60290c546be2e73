#!/usr/bin/env python3
"""Checks gold annotation files against the articles they describe.

usage: check_gold.py BRIEFING_BINARY GOLD.json [GOLD.json ...]

Paragraphs come from `briefing extract --format json` (the loader's own split), so the
paragraph numbers in a gold file are checked against what the program really reads.
For every gold file it checks that:
  - every quote and not_quote text stands verbatim in the paragraph it names;
  - every span between double quotation marks (straight or curly; a mark left open at the
    end of a paragraph runs to its end) is listed as a quote or a not_quote;
  - quote speakers, coreference targets and relation ends are defined in the file;
  - coreference mentions and agenda items stand in the paragraphs they name;
  - event paragraphs exist and the article date is YYYY-MM-DD.
Prints one line per problem and exits 1 when there is any.
"""
import json, os, subprocess, sys

SHARED_EVENT_KEYS = {
    "summit-announcement", "inter-korean-summit-april", "summit-cancellation", "inter-korean-summit-may",
    "singapore-summit", "pompeo-visit-july", "remains-handover", "remains-ceremony",
    "inter-korean-summit-september", "pompeo-visit-october", "hanoi-summit", "missile-tests-may-2019",
    "panmunjom-meeting", "missile-tests-summer-2019", "stockholm-talks", "stockholm-return", "year-end-deadline",
}


def load_paragraphs(binary, article, date):
    cmd = [binary, "extract", "--format", "json"] + (["--date", date] if date else []) + [article]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if out.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {out.returncode}: {out.stderr.strip()[:200]}")
    doc = json.loads(out.stdout)
    if doc.get("warnings"):
        raise RuntimeError(f"loader warnings: {doc['warnings']}")
    paragraphs = doc["articles"][0]["paragraphs"]
    return [p if isinstance(p, str) else p.get("text", "") for p in paragraphs]


def quoted_spans(paragraph):
    """Spans between double marks: “…” or "…"; an unclosed mark runs to the end of the paragraph."""
    spans, i = [], 0
    while i < len(paragraph):
        ch = paragraph[i]
        if ch in ("\u201c", '"'):
            close = "\u201d" if ch == "\u201c" else '"'
            j = paragraph.find(close, i + 1)
            if j < 0:
                spans.append(paragraph[i + 1:])
                break
            spans.append(paragraph[i + 1:j])
            i = j + 1
            continue
        i += 1
    return spans


def check(binary, gold_path):
    problems = []
    gold = json.load(open(gold_path, encoding="utf-8"))
    name = os.path.basename(gold_path)
    article = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(gold_path)), gold["article"]))
    date = gold.get("date")
    if not (isinstance(date, str) and len(date) == 10 and date[4] == "-" and date[7] == "-"):
        problems.append(f"{name}: date {date!r} is not YYYY-MM-DD")
        date = None
    try:
        paras = load_paragraphs(binary, article, date)
    except Exception as e:  # a file that cannot be read is a problem, not a skip
        return [f"{name}: {e}"]
    speakers = {s["name"] for s in gold.get("speakers", [])}

    def para(k, what):
        if not isinstance(k, int) or not 0 <= k < len(paras):
            problems.append(f"{name}: {what}: paragraph {k} does not exist ({len(paras)} paragraphs)")
            return None
        return paras[k]

    listed = {}
    for kind in ("quotes", "not_quotes"):
        for q in gold.get(kind, []):
            p = para(q["paragraph"], f"{kind} {q['text'][:40]!r}")
            if p is None:
                continue
            if q["text"] not in p:
                problems.append(f"{name}: {kind} p{q['paragraph']}: text not verbatim in paragraph: {q['text'][:60]!r}")
            listed.setdefault(q["paragraph"], []).append(q["text"])
            if kind == "quotes" and q["speaker"] not in speakers:
                problems.append(f"{name}: quote p{q['paragraph']}: speaker {q['speaker']!r} is not in speakers")
    for k, p in enumerate(paras):
        for span in quoted_spans(p):
            # Trailing punctuation inside the marks is not part of the annotation (as in score.py).
            if span not in listed.get(k, []) and span.rstrip(" ,.;:") not in [t.rstrip(" ,.;:") for t in listed.get(k, [])]:
                problems.append(f"{name}: p{k}: quoted span not annotated: {span[:60]!r}")
    for c in gold.get("coreference", []):
        p = para(c["paragraph"], f"coreference {c['mention']!r}")
        if p is not None and c["mention"] not in p:
            problems.append(f"{name}: coreference p{c['paragraph']}: mention {c['mention']!r} not in paragraph")
        if c["refers_to"] not in speakers:
            problems.append(f"{name}: coreference {c['mention']!r}: {c['refers_to']!r} is not in speakers")
    agenda = gold.get("agenda")
    if agenda:
        p = para(agenda["paragraph"], "agenda")
        for item in agenda.get("items", []):
            if p is not None and item not in p:
                problems.append(f"{name}: agenda item {item!r} not in paragraph {agenda['paragraph']}")
    keys = set()
    for e in gold.get("events", []):
        keys.add(e["key"])
        for k in e.get("paragraphs", []):
            para(k, f"event {e['key']}")
    for r in gold.get("relations", []):
        for end in (r["from"], r["to"]):
            if end not in keys:
                problems.append(f"{name}: relation end {end!r} is not an event of this file")
    return problems


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2])
        return 2
    binary, golds = argv[0], argv[1:]
    problems = []
    for g in golds:
        found = check(binary, g)
        problems += found
        print(f"{os.path.basename(g)}: {'ok' if not found else f'{len(found)} problem(s)'}")
    for p in problems:
        print("PROBLEM " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
