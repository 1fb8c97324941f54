#!/usr/bin/env python3
"""Per-scenario time, model calls and tokens of one spec run, read from its TRX file (the usage line each scenario prints)."""
import re, sys, xml.etree.ElementTree as ET

trx, wall = sys.argv[1], float(sys.argv[2])
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
usage = re.compile(r"LLM usage \((?P<model>[^)]*)\): (?P<calls>\d+) calls, (?P<inp>\d+) input \+ (?P<out>\d+) output tokens(?:, \$[\d.]+; (?P<reused>\d+) input tokens reused)?")
rows, totals = [], {"calls": 0, "inp": 0, "out": 0, "reused": 0, "secs": 0.0}
for result in ET.parse(trx).getroot().iterfind(".//t:UnitTestResult", ns):
    h, m, s = result.get("duration", "0:0:0").split(":")
    secs = int(h) * 3600 + int(m) * 60 + float(s)
    text = "".join(result.itertext())
    found = usage.search(text)
    calls, inp, out, model = (int(found["calls"]), int(found["inp"]), int(found["out"]), found["model"]) if found else (0, 0, 0, "-")
    reused = int(found["reused"] or 0) if found else 0
    rows.append((result.get("testName"), result.get("outcome"), secs, calls, inp, reused, out, model))
    totals["calls"] += calls; totals["inp"] += inp; totals["out"] += out; totals["reused"] += reused; totals["secs"] += secs
print(f"{'scenario':70} {'outcome':8} {'secs':>7} {'calls':>5} {'prompt':>7} {'reused':>7} {'gen':>6}  model")
for name, outcome, secs, calls, inp, reused, out, model in sorted(rows, key=lambda r: -r[2]):
    print(f"{name[:70]:70} {outcome:8} {secs:7.1f} {calls:5} {inp:7} {reused:7} {out:6}  {model}")
real = [r for r in rows if r[7] != "-" and not r[7].startswith("scripted")]
print(f"scenarios {len(rows)} ({len(real)} on a real model); wall {wall:.0f} s; summed test time {totals['secs']:.0f} s; "
      f"model calls {totals['calls']}; prompt tokens {totals['inp']} ({totals['reused']} reused from the KV cache, "
      f"{totals['inp'] - totals['reused']} evaluated); generated tokens {totals['out']}; "
      f"generated tokens per wall second {totals['out'] / max(wall, 1):.1f}")
