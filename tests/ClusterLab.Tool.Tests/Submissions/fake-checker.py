#!/usr/bin/env python3
"""A stand-in for the grader's trusted checker (`clusterlab __check`) used by GradingProcessTests: it "grades" without
kernels or sandboxes, so the grader's process handling (time limits, crashes, huge output, the results and report
files) is tested in seconds. Same protocol as the checker: one JSON job per line on standard input
({"token", "hidden_key", "args"}), answered with "TOKEN done EXIT" on standard error, then on standard output.

The student notebook (no test code) is read cell by cell: `FAKE-HANG` hangs the whole checker (the grader must kill
it); `while (true)` and `Environment.Exit(` make that cell "skipped" as the real worker does (reported as a time-out
or a crash); `FAKE-HUGE` prints 5 MB. Each Check.That/Close/Run("id", points in the checker notebook calls a student
function `() => Name(`: it fails "not answered yet" unless a kept student cell declares `Name(` without the stub, fails
"expected …" if a student cell contains the comment `wrong:<id>`, and passes otherwise. Then the status line and
workers.json. With --hidden-checker, that notebook is "graded" the same way into --hidden-results, where the comment
`leak:<id>` makes check <id> fail with a message (a visible check's line there must never count).
"""
import json, re, sys, time

call = re.compile(r'Check\s*\.\s*(?:That|Close|Run)\s*\(\s*"([^"]+)"\s*,\s*([0-9.]+)[^\n]*?\(\)\s*=>\s*([A-Za-z_]\w*)\s*\(')
text = lambda cell: "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def emit(results, obj):
    with open(results, "a", encoding="utf-8") as f:
        f.write(json.dumps(obj) + "\n")


def job(args):
  opt = lambda name: args[args.index(name) + 1] if name in args else None
  report, student_path = opt("--report"), opt("--student")
  student = json.load(open(student_path, encoding="utf-8"))
  kept, worst, events = [], "Ready", []
  for cell in student["cells"]:
      if cell["cell_type"] != "code":
          continue
      src = text(cell)
      if "FAKE-HANG" in src:
          time.sleep(3600)
      if "while (true)" in src:
          worst, _ = "TimedOut", events.append(f"your cell {cell.get('id')} ran out of time; it was skipped")
          continue
      if "Environment.Exit(" in src:
          worst = worst if worst == "TimedOut" else "Crashed"
          events.append(f"your notebook ended its process before it finished (cell {cell.get('id')})")
          continue
      if "FAKE-HUGE" in src:
          for _ in range(5000):
              print("x" * 1000)
      kept.append(src)

  passes = [(args[0], opt("--results"))]
  if opt("--hidden-checker"):
      passes.append((opt("--hidden-checker"), opt("--hidden-results")))
  for checker_path, results in passes:
      checker = json.load(open(checker_path, encoding="utf-8"))
      for index, cell in enumerate(checker["cells"], start=1):
          if cell["cell_type"] != "code":
              continue
          for m in call.finditer(text(cell)):
              cid, points, name = m.group(1), float(m.group(2)), m.group(3)
              declared = [s for s in kept if re.search(r"\b" + name + r"\s*\(", s)]
              if not declared or any('NotImplementedException("your code here")' in s for s in declared):
                  passed, message = False, "not answered yet"
              elif any("wrong:" + cid in s for s in kept):
                  passed, message = False, "expected 1, got 2"
              elif results == opt("--hidden-results") and any("leak:" + cid in s for s in kept):
                  passed, message = False, "LEAKED in the second pass"
              else:
                  passed, message = True, "ok"
              emit(results, {"type": "check", "id": cid, "points": points, "earned": points if passed else 0.0,
                             "passed": passed, "message": message, "notebook": checker_path, "cell": index})
      emit(results, {"type": "status", "notebook": checker_path, "status": "ok", "exit_code": 0})
  worker = {"state": "Ready", "worst": worst, "failed_cells": [], "events": events}
  json.dump({"worker": worker}, open(report, "w"))


for line in sys.stdin:
    request = json.loads(line)
    job(request["args"])
    print(f"{request['token']} done 0", file=sys.stderr, flush=True)
    print(f"{request['token']} done 0", flush=True)
