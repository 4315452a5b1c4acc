#!/usr/bin/env python3
"""A stand-in for `clusterlab run` used by GradingProcessTests: it "runs" a notebook without a kernel, so the grader's
process handling (time limits, crashes, huge output, streamed results) is tested in seconds.

Per code cell, in order: `while (true)` hangs; `Environment.Exit(` exits at once without a status line; `FAKE-HUGE`
prints 5 MB; every Check.That/Close/Run("id", points call emits a result line for this cell: it fails with
"not answered yet" if an earlier cell still throws the "your code here" stub, fails with "expected …" if an earlier
cell contains the comment `wrong:<id>`, and passes otherwise. Finally one status line. Same arguments as the runner.
"""
import json, re, sys, time

args = sys.argv[1:]
nb_path = args[0]
results = args[args.index("--results") + 1]
nb = json.load(open(nb_path, encoding="utf-8"))
call = re.compile(r'Check\s*\.\s*(?:That|Close|Run)\s*\(\s*"([^"]+)"\s*,\s*([0-9.]+)')

def emit(obj):
    with open(results, "a", encoding="utf-8") as f:
        f.write(json.dumps(obj) + "\n")

seen = ""
for index, cell in enumerate(nb["cells"], start=1):
    if cell["cell_type"] != "code":
        continue
    src = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
    if "while (true)" in src:
        time.sleep(3600)
    if "Environment.Exit(" in src:
        sys.stdout.flush()
        sys.exit(1)
    if "FAKE-HUGE" in src:
        for _ in range(5000):
            print("x" * 1000)
    for m in call.finditer(src):
        cid, points = m.group(1), float(m.group(2))
        if 'NotImplementedException("your code here")' in seen:
            passed, message = False, "not answered yet"
        elif "wrong:" + cid in seen:
            passed, message = False, "expected 1, got 2"
        else:
            passed, message = True, "ok"
        emit({"type": "check", "id": cid, "points": points, "earned": points if passed else 0.0,
              "passed": passed, "message": message, "notebook": nb_path, "cell": index})
    seen += src + "\n"
emit({"type": "status", "notebook": nb_path, "status": "ok", "exit_code": 0})
