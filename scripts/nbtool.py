#!/usr/bin/env python3
"""Authoring helper for ClusterLab notebooks (a development tool; students never need it).

  python3 scripts/nbtool.py md2nb SOURCE.md OUT.ipynb   # Markdown with ```csharp fences -> .ipynb
  python3 scripts/nbtool.py nb2md NOTEBOOK.ipynb OUT.md # and back, for editing
  python3 scripts/nbtool.py fix NOTEBOOK.ipynb ...      # normalise metadata and the setup cell in place

Fenced ```csharp blocks become code cells; everything between them becomes Markdown cells (a line
holding only `---` splits Markdown cells). Grading metadata (lessons and assignments, see assignments/README.md):
  ```csharp {"role": "solution", "grade_id": "q1"}      a code cell with metadata.clusterlab (cell id = grade_id)
  ```csharp wrong N-1 divisor                           a recorded wrong answer of the solution cell before it:
                                                         metadata.clusterlab.wrong += {"label", "code"} (not a cell)
  <!-- clusterlab {"role": "manual", ...} -->            first line of a Markdown cell: its metadata.clusterlab The first code cell is always the standard setup cell
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

FENCE = re.compile(r"^```(?:csharp|cs|c#)(?:\s+(?P<info>.*?))?\s*$")
MD_META = re.compile(r"^<!-- clusterlab (?P<json>\{.*\}) -->\s*$")

def parse_md(text):
    """-> list of (kind, text, meta): kind code|markdown|wrong; meta the clusterlab dict (wrong: its label)."""
    cells, buf, fence = [], [], None
    def flush_md():
        body = "\n".join(buf).strip("\n")
        if not body.strip(): return
        first, _, rest = body.partition("\n")
        m = MD_META.match(first)
        cells.append(("markdown", rest.strip("\n"), json.loads(m["json"])) if m else ("markdown", body, None))
    for line in text.split("\n"):
        m = FENCE.match(line) if fence is None else None
        if m:
            flush_md()
            info = (m["info"] or "").strip()
            fence = ("wrong", info[5:].strip()) if info.startswith("wrong") else ("code", json.loads(info) if info else None)
            buf = []
        elif fence is not None and line.strip() == "```":
            cells.append((fence[0], "\n".join(buf).rstrip(), fence[1]))
            buf, fence = [], None
        elif fence is None and line.strip() == "---":
            flush_md(); buf = []
        else:
            buf.append(line)
    if fence is not None: raise SystemExit("unterminated ```csharp fence")
    flush_md()
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
        text, meta = parsed[i][1], parsed[i][2]
        cells.append(md_cell(text, cell_id("markdown", i, text), {"clusterlab": meta} if meta else None)); i += 1
    cells.append(code_cell(setup, "setup", {"clusterlab": {"role": "setup"}} if any(p[2] and p[0] != "wrong" for p in parsed) else None))
    for j, (kind, text, meta) in enumerate(parsed[i:], start=i):
        if kind == "wrong":
            owner = cells[-1]["metadata"].get("clusterlab", {}) if cells and cells[-1]["cell_type"] == "code" else {}
            if owner.get("role") != "solution": raise SystemExit(f"wrong answer '{meta}' does not follow a solution cell")
            owner.setdefault("wrong", []).append({"label": meta, "code": text})
            continue
        cid = meta.get("grade_id", cell_id(kind, j, text)) if meta else cell_id(kind, j, text)
        extra = {"clusterlab": meta} if meta else None
        cells.append(code_cell(text, cid, extra) if kind == "code" else md_cell(text, cid, extra))
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
        meta = dict(c.get("metadata", {}).get("clusterlab") or {})
        wrong = meta.pop("wrong", [])
        info = " " + json.dumps(meta, ensure_ascii=False) if meta else ""
        if c["cell_type"] == "code":
            if c.get("id") == "setup": continue  # keep prev: Markdown around the setup cell stays split by ---
            parts.append("```csharp" + info + "\n" + text + "\n```")
            parts.extend("```csharp wrong " + w["label"] + "\n" + w["code"] + "\n```" for w in wrong)
        else:
            if prev == "markdown": parts.append("---")
            parts.append(("<!-- clusterlab" + info + " -->\n" if meta else "") + text)
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
