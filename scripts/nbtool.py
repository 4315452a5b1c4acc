#!/usr/bin/env python3
"""Authoring helper for ClusterLab notebooks (a development tool; students never need it).

  python3 scripts/nbtool.py md2nb SOURCE.md OUT.ipynb   # Markdown with ```csharp fences -> .ipynb
  python3 scripts/nbtool.py nb2md NOTEBOOK.ipynb OUT.md # and back, for editing
  python3 scripts/nbtool.py fix NOTEBOOK.ipynb ...      # normalise metadata and the setup cell in place

Fenced ```csharp blocks become code cells; everything between them becomes Markdown cells (a line
holding only `---` splits Markdown cells). The first code cell is always the standard setup cell
(SETUP_CELL below, with the relative path to artifacts/kit computed from the notebook's depth):
do not write it in the source. Metadata: kernelspec .net-csharp, polyglot_notebook.kernelName=csharp on every code cell.
"""
import json, os, re, sys, hashlib

KIT = "artifacts/kit"
SETUP_TEMPLATE = """#r "{prefix}{kit}/ClusterLab.dll"
#r "{prefix}{kit}/ClusterLab.Notebooks.dll"
using ClusterLab;
using ClusterLab.Notebooks;
Kit.Setup()"""

def repo_root():
    return os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))

def setup_cell_for(nb_path):
    rel = os.path.relpath(repo_root(), os.path.dirname(os.path.abspath(nb_path)))
    prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
    return SETUP_TEMPLATE.format(prefix=prefix, kit=KIT)

NB_METADATA = {
    "kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"},
    "language_info": {"name": "polyglot-notebook"},
    "polyglot_notebook": {"kernelInfo": {"defaultKernelName": "csharp", "items": [{"aliases": [], "name": "csharp"}]}},
}

def lines(src):
    parts = src.split("\n")
    return [p + "\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])

def cell_id(kind, index, text):
    return hashlib.sha1(f"{kind}:{text}".encode()).hexdigest()[:8]

def code_cell(text, cid, meta=None):
    m = {"polyglot_notebook": {"kernelName": "csharp"}}
    if meta: m.update(meta)
    return {"cell_type": "code", "execution_count": None, "id": cid, "metadata": m, "outputs": [], "source": lines(text)}

def md_cell(text, cid, meta=None):
    return {"cell_type": "markdown", "id": cid, "metadata": meta or {}, "source": lines(text)}

def parse_md(text):
    cells, buf, in_code = [], [], False
    for line in text.split("\n"):
        if not in_code and re.match(r"^```(csharp|cs|c#)\s*$", line):
            if "".join(buf).strip(): cells.append(("markdown", "\n".join(buf).strip("\n")))
            buf, in_code = [], True
        elif in_code and line.strip() == "```":
            cells.append(("code", "\n".join(buf).rstrip()))
            buf, in_code = [], False
        elif not in_code and line.strip() == "---":
            if "".join(buf).strip(): cells.append(("markdown", "\n".join(buf).strip("\n")))
            buf = []
        else:
            buf.append(line)
    if in_code: raise SystemExit("unterminated ```csharp fence")
    if "".join(buf).strip(): cells.append(("markdown", "\n".join(buf).strip("\n")))
    return cells

def unique_ids(cells):
    seen = {}
    for c in cells:
        base = c["id"]; n = seen.get(base, 0); seen[base] = n + 1
        if n: c["id"] = f"{base}-{n}"
    return cells

def md2nb(src, out):
    parsed = parse_md(open(src, encoding="utf-8").read())
    setup = setup_cell_for(out)
    cells = []
    # title/intro markdown before the first code cell stays first; setup cell goes right after it
    i = 0
    while i < len(parsed) and parsed[i][0] == "markdown" and i < 1:
        cells.append(md_cell(parsed[i][1], cell_id("markdown", i, parsed[i][1]))); i += 1
    cells.append(code_cell(setup, "setup"))
    for j, (kind, text) in enumerate(parsed[i:], start=i):
        cid = cell_id(kind, j, text)
        cells.append(code_cell(text, cid) if kind == "code" else md_cell(text, cid))
    write(out, {"cells": unique_ids(cells), "metadata": NB_METADATA, "nbformat": 4, "nbformat_minor": 5})

def write(path, nb):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(nb, f, indent=1, ensure_ascii=False); f.write("\n")

def nb2md(path, out):
    nb = json.load(open(path, encoding="utf-8"))
    parts = []
    prev = None
    for c in nb["cells"]:
        text = "".join(c["source"])
        if c["cell_type"] == "code":
            if c.get("id") == "setup": continue  # keep prev: Markdown around the setup cell stays split by ---
            parts.append("```csharp\n" + text + "\n```")
        else:
            if prev == "markdown": parts.append("---")
            parts.append(text)
        prev = c["cell_type"]
    open(out, "w", encoding="utf-8").write("\n\n".join(parts) + "\n")

def fix(path):
    nb = json.load(open(path, encoding="utf-8"))
    nb["metadata"].update(NB_METADATA)
    for c in nb["cells"]:
        if c["cell_type"] == "code":
            c.setdefault("metadata", {})["polyglot_notebook"] = {"kernelName": "csharp"}
            if c.get("id") == "setup": c["source"] = lines(setup_cell_for(path))
    write(path, nb)

if __name__ == "__main__":
    if len(sys.argv) < 3: print(__doc__); sys.exit(2)
    cmd = sys.argv[1]
    if cmd == "md2nb": md2nb(sys.argv[2], sys.argv[3])
    elif cmd == "nb2md": nb2md(sys.argv[2], sys.argv[3])
    elif cmd == "fix":
        for p in sys.argv[2:]: fix(p)
    else: print(__doc__); sys.exit(2)
