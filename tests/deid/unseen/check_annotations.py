#!/usr/bin/env python3
"""Checks the unseen de-identification set (tests/deid/unseen).

For every case file under phi/, clean/ and tricky/:
  * it parses as JSON;
  * it matches the echo-case/1.0 envelope (resources/schemas/echo-case-1.0.json),
    its programme's programme_fields (resources/schemas/programmes/*.json) and the
    first-level region list (resources/schemas/regions-1.json) -- a small
    re-implementation of the form schema, written from the schema files only;
  * every `_expected` entry names a Safe Harbor letter and its official name, its
    text occurs at every listed path with an alphanumeric word boundary (or in the
    object key at that path when "in_object_key" is set), the listed paths are all
    the paths where it occurs, and "occurrences" is the total count;
  * clean/ files have no `_expected`, tricky/ files have `_expected: []`;
  * no annotated identifier of a phi file appears in any clean or tricky file.
Prints counts per language and per category. Exit status 1 on any error.
Schema deviations that are known gaps of the schema (see README.md) are
reported as warnings, not errors: language "sw" and countries the region list
does not know yet.

Usage: tests/deid/unseen/check_annotations.py [--strict]
"""
import glob
import json
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
SCHEMAS = os.path.join(REPO, "resources", "schemas")

CATS = {
    "A": "Names",
    "B": "Geographic subdivisions smaller than a state (street address, city, county, precinct, ZIP, geocodes)",
    "C": "All elements of dates (except year) directly related to the individual; ages over 89 and dates indicating such age",
    "D": "Telephone numbers", "E": "Fax numbers", "F": "Electronic mail addresses",
    "G": "Social security numbers (national ID numbers treated as equivalent)",
    "H": "Medical record numbers", "I": "Health plan beneficiary numbers", "J": "Account numbers",
    "K": "Certificate/licence numbers", "L": "Vehicle identifiers and serial numbers, including licence plates",
    "M": "Device identifiers and serial numbers", "N": "Web URLs", "O": "IP addresses",
    "P": "Biometric identifiers (finger and voice prints)", "Q": "Full-face photographs and comparable images",
    "R": "Any other unique identifying number, characteristic or code",
}
KNOWN_GAP_LANGS = {"sw"}

errors, warnings = [], []


def err(f, msg):
    errors.append(f"{os.path.relpath(f, HERE)}: {msg}")


def warn(f, msg):
    warnings.append(f"{os.path.relpath(f, HERE)}: {msg}")


def load(p):
    with open(p, encoding="utf-8") as fh:
        return json.load(fh)


ENVELOPE = load(os.path.join(SCHEMAS, "echo-case-1.0.json"))
PROGRAMMES = {}
for p in glob.glob(os.path.join(SCHEMAS, "programmes", "*.json")):
    d = load(p)
    PROGRAMMES[d["programme"]] = d
REGIONS = load(os.path.join(SCHEMAS, "regions-1.json"))


def norm_region(s):
    s = " ".join(s.strip().lower().split())
    for suf in sorted(REGIONS.get("suffixes", []), key=len, reverse=True):
        if s.endswith(" " + suf):
            s = s[: -len(suf) - 1]
        if s.startswith(suf + " of "):
            s = s[len(suf) + 4:]
    return s


def check_field(f, spec, value, path, doc):
    t = spec["type"]
    if value is None:
        if not spec.get("nullable") and t not in ("object", "list", "programme_fields"):
            # a null where the schema has no "nullable" is a deviation
            err(f, f"{path}: null but not nullable")
        return
    if t in ("text", "day_rel", "integer", "number", "number_or_text", "boolean", "choice", "case_code",
             "programme", "country", "region"):
        if t == "text" and not isinstance(value, str):
            err(f, f"{path}: expected text, got {type(value).__name__}")
        elif t in ("integer", "day_rel") and (isinstance(value, bool) or not isinstance(value, int)):
            err(f, f"{path}: expected integer, got {value!r}")
        elif t == "number" and (isinstance(value, bool) or not isinstance(value, (int, float))):
            err(f, f"{path}: expected number, got {value!r}")
        elif t == "number_or_text" and (isinstance(value, bool) or not isinstance(value, (int, float, str))):
            err(f, f"{path}: expected number or text, got {value!r}")
        elif t == "boolean" and not isinstance(value, bool):
            err(f, f"{path}: expected boolean, got {value!r}")
        elif t == "choice" and value not in spec["choices"]:
            if path == "language" and value in KNOWN_GAP_LANGS:
                warn(f, f"{path}: {value!r} is not in the schema's choices {spec['choices']} (known gap)")
            else:
                err(f, f"{path}: {value!r} not in {spec['choices']}")
        elif t == "case_code" and not (isinstance(value, str) and re.fullmatch(r"[A-Z]+(-[A-Z0-9]+)+", value)):
            err(f, f"{path}: bad case code {value!r}")
        elif t == "programme" and value not in PROGRAMMES:
            err(f, f"{path}: unknown programme {value!r}")
        elif t == "country":
            if value not in REGIONS["countries"]:
                warn(f, f"{path}: {value!r} is not in regions-1.json (known gap)")
        elif t == "region":
            cc = doc.get("presenter", {}).get("country")
            names = REGIONS["countries"].get(cc)
            if names is not None and norm_region(value) not in {norm_region(n) for n in names}:
                err(f, f"{path}: {value!r} is not a first-level region of {cc}")
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if "min" in spec and value < spec["min"]:
                err(f, f"{path}: {value} < min {spec['min']}")
            if "max" in spec and value > spec["max"]:
                err(f, f"{path}: {value} > max {spec['max']}")
        return
    if t == "object":
        if not isinstance(value, dict):
            err(f, f"{path}: expected object")
            return
        check_fields(f, spec["fields"], value, path, doc, allow_extra=False)
        return
    if t == "list":
        if not isinstance(value, list):
            err(f, f"{path}: expected list")
            return
        for i, item in enumerate(value):
            check_field(f, dict(spec["item"], key=f"{spec['key']}[{i}]"), item, f"{path}[{i}]", doc)
        return
    if t == "programme_fields":
        prog = PROGRAMMES.get(doc.get("programme"))
        if prog and isinstance(value, dict):
            check_fields(f, prog["fields"], value, path, doc, allow_extra=False)
        return
    err(f, f"{path}: unknown schema type {t}")


def check_fields(f, fields, obj, path, doc, allow_extra):
    keys = {fs["key"] for fs in fields}
    for fs in fields:
        p = f"{path}.{fs['key']}" if path else fs["key"]
        if fs["key"] not in obj:
            if fs.get("required"):
                err(f, f"{p}: required field missing")
            continue
        check_field(f, fs, obj[fs["key"]], p, doc)
    for k in obj:
        if k not in keys and not (k == "_expected" and not path):
            if allow_extra:
                pass  # "Keys not listed here are kept on import and export"
            else:
                err(f, f"{path}.{k}: key not in the schema")


def walk(node, path=""):
    if isinstance(node, dict):
        for k, v in node.items():
            p = f"{path}.{k}" if path else k
            yield p, k, True
            yield from walk(v, p)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from walk(v, f"{path}[{i}]")
    elif node is None:
        return
    elif isinstance(node, bool):
        yield path, "true" if node else "false", False
    else:
        yield path, str(node), False


def bounded(text):
    return re.compile(r"(?<![0-9A-Za-zÀ-ÿ])" + re.escape(text) + r"(?![0-9A-Za-zÀ-ÿ])")


def check_expected(f, doc):
    body = {k: v for k, v in doc.items() if k != "_expected"}
    scalars = list(walk(body))
    for n, e in enumerate(doc["_expected"]):
        tag = f"_expected[{n}] {e.get('text')!r}"
        for k in ("text", "category", "category_name", "subtype", "occurrences", "paths"):
            if k not in e:
                err(f, f"{tag}: missing {k}")
        if CATS.get(e.get("category")) != e.get("category_name"):
            err(f, f"{tag}: category {e.get('category')} / name mismatch")
        if e.get("match") == "whole_field":
            continue
        rx = bounded(e["text"])
        found = defaultdict(int)
        for p, s, is_key in scalars:
            c = len(rx.findall(s))
            if c:
                found[p] += c
        if sorted(found) != sorted(e["paths"]):
            err(f, f"{tag}: listed paths {e['paths']} but it occurs at {sorted(found)}")
        if sum(found.values()) != e["occurrences"]:
            err(f, f"{tag}: occurrences {e['occurrences']} but counted {sum(found.values())}")
        for p in e["paths"]:
            hits = [(s, k) for q, s, k in scalars if q == p and rx.search(s)]
            if not hits:
                err(f, f"{tag}: not found at {p}")
            elif any(k for s, k in hits) != bool(e.get("in_object_key")):
                err(f, f"{tag}: in_object_key flag does not match where it occurs at {p}")


def main():
    per_lang = defaultdict(Counter)
    per_cat = defaultdict(Counter)
    phi_texts = []
    files = sorted(glob.glob(os.path.join(HERE, "*", "*.json")))
    if not files:
        print("no case files found", file=sys.stderr)
        return 1
    docs = {}
    for f in files:
        kind = os.path.basename(os.path.dirname(f))
        try:
            doc = load(f)
        except (OSError, ValueError) as ex:
            err(f, f"not valid JSON: {ex}")
            continue
        docs[f] = doc
        check_fields(f, ENVELOPE["fields"], doc, "", doc, allow_extra=True)
        lang = doc.get("language", "?")
        per_lang[lang][kind] += 1
        if kind == "clean":
            if "_expected" in doc:
                err(f, "clean file has _expected")
        elif kind == "tricky":
            if doc.get("_expected") != []:
                err(f, "tricky file must have _expected: []")
        elif kind == "phi":
            if not doc.get("_expected"):
                err(f, "phi file without _expected")
                continue
            check_expected(f, doc)
            for e in doc["_expected"]:
                per_cat[e["category"]][lang] += 1
                per_lang[lang]["identifiers"] += 1
                phi_texts.append((f, e["text"]))
        else:
            err(f, f"unexpected folder {kind}")
    for f, doc in docs.items():
        if os.path.basename(os.path.dirname(f)) == "phi":
            continue
        scal = [s for _, s, _ in walk(doc)]
        for src, t in phi_texts:
            if len(t) >= 4 and any(bounded(t).search(s) for s in scal):
                err(f, f"contains {t!r}, annotated as an identifier in {os.path.basename(src)}")

    langs = sorted(per_lang)
    print("files and identifiers per language")
    print(f"  {'lang':6}{'phi':>6}{'clean':>7}{'tricky':>8}{'ids':>6}")
    for l in langs:
        c = per_lang[l]
        print(f"  {l:6}{c['phi']:>6}{c['clean']:>7}{c['tricky']:>8}{c['identifiers']:>6}")
    print("identifiers per Safe Harbor category and language")
    print("  cat " + "".join(f"{l:>5}" for l in langs) + "  total")
    for cat in sorted(per_cat):
        row = per_cat[cat]
        print(f"  {cat:4}" + "".join(f"{row[l]:>5}" for l in langs) + f"{sum(row.values()):>7}")
    for w in warnings if "--verbose" in sys.argv else []:
        print("warning:", w)
    if warnings:
        print(f"{len(warnings)} warnings (known schema gaps; --verbose lists them)")
    for e in errors:
        print("ERROR:", e)
    strict_fail = "--strict" in sys.argv and warnings
    print("OK" if not errors and not strict_fail else f"{len(errors)} errors")
    return 1 if errors or strict_fail else 0


if __name__ == "__main__":
    sys.exit(main())
