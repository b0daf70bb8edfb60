#!/usr/bin/env python3
"""auto_eval.py: check every row of every chart `zuhyo auto` drew against hand-made gold.

usage: auto_eval.py OUT/manifest.json GOLD.tsv [--docs 001,003] [--verbose]

A row is right when some gold line of its article (first three characters of the file name)
has its value, unit and time and names its label as the subject (gold format: see the eval
README; `|` separates acceptable names). Timeline rows are date facts: time and subject.
Rows summed by zuhyo (country totals) are right when a gold line says the same total.
Prints per chart, then: rows right, charts with every row right, and how many gold R lines
the charts show (coverage must not fall while precision rises).
"""
import json, os, sys, unicodedata

def norm(s):
    s = unicodedata.normalize("NFKC", s or "").lower()
    for ch in " ・-_()()「」\t":
        s = s.replace(ch, "")
    return s

def load_gold(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        f = (line.rstrip("\n").split("\t") + [""] * 9)[:9]
        doc, cls, kind, val, vmax, unit, time, subj, note = f
        rows.append(dict(doc=doc, cls=cls, kind=kind, value=float(val) if val else None,
                         value_max=float(vmax) if vmax else None, unit=unit, time=time,
                         aliases=[norm(a) for a in subj.split("|") if a], note=note))
    return rows

def close(a, b):
    return a is not None and b is not None and abs(a - b) <= 1e-6 * max(1.0, abs(b))

def kind_of(unit):
    if unit in ("count", "人", "件", "社"):
        return "count"
    return {"%": "percent", "rank": "rank", "x": "ratio"}.get(unit, "money")

def row_matches(g, row, kind):
    if g["kind"] != kind:
        return False
    if kind == "money" and (row.get("unit") or "").upper() != g["unit"]:
        return False
    t = str(row.get("time") or "")
    if kind != "date":
        v = row.get("value")
        ok = close(abs(v), abs(g["value"])) if g["value"] is not None and v is not None else False
        if not ok and g["value_max"] is not None and v is not None:
            ok = close(v, g["value_max"])
        if not ok:
            return False
    if kind in ("count", "rank", "date") and g["time"] and not t.startswith(g["time"]):
        return False  # as score.py: money and percent rows are not held to the gold's time
    if not g["aliases"]:
        return False
    names = [norm(row.get("label")), norm(row.get("subject"))]
    return any(a and c and (a in c or c in a) for a in g["aliases"] for c in names)

def main():
    args = sys.argv[1:]
    verbose = "--verbose" in args
    docs = None
    if "--docs" in args:
        docs = set(args[args.index("--docs") + 1].split(","))
    paths = [a for i, a in enumerate(args) if not a.startswith("--") and (i == 0 or args[i - 1] != "--docs")]
    manifest, gold = json.load(open(paths[0], encoding="utf-8")), load_gold(paths[1])
    rows_n = rows_ok = charts_ok = charts_n = 0
    shown = set()
    for c in manifest["charts"]:
        kind_chart = c["type"]
        crow_ok = crow_n = 0
        lines = []
        for row in c["rows"]:
            d = (row.get("doc") or "")[:3]
            if docs and d not in docs:
                continue
            kind = "date" if kind_chart == "timeline" else kind_of(row.get("unit"))
            hits = [i for i, g in enumerate(gold) if g["doc"] == d and g["cls"] in "RNO" and row_matches(g, row, kind)]
            crow_n += 1
            if hits:
                crow_ok += 1
                shown.update(i for i in hits if gold[i]["cls"] == "R")
            lines.append(f"   {'ok ' if hits else 'BAD'} {d} {row.get('label')} {row.get('value')} {row.get('unit')} {row.get('time')} «{row.get('text')}»")
        if not crow_n:
            continue
        charts_n += 1
        charts_ok += crow_ok == crow_n
        rows_n += crow_n
        rows_ok += crow_ok
        print(f"{'ok ' if crow_ok == crow_n else 'BAD'} {crow_ok}/{crow_n} {c['title']}")
        if verbose:
            print("\n".join(lines))
    gold_r = [g for g in gold if g["cls"] == "R" and (not docs or g["doc"] in docs)]
    left = manifest.get("left_out") or []
    print(f"summary: rows-right {rows_ok / max(1, rows_n):.3f} ({rows_ok}/{rows_n}) "
          f"charts-all-right {charts_ok / max(1, charts_n):.3f} ({charts_ok}/{charts_n}) "
          f"gold-R-shown {len(shown)}/{len(gold_r)} left-out {len(left)}")

if __name__ == "__main__":
    main()
