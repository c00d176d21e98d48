# Scores batch 19 through the built binary (as a user imports), with the
# harness's matching rule: an expected entry matches an unused emitted one
# within a minute whose text holds the expected text (case and spaces folded).
# usage: python3 repro/cli_score.py /tmp/heldout-scribe   (run in heldout19/)
import glob, json, os, subprocess, sys, tempfile, datetime as dt
exe = sys.argv[1]
fold = lambda s: " ".join(s.lower().split())
tot = [0, 0, 0, 0, 0, 0]  # want, found, emitted, real, items want, items found
for w in sorted(glob.glob("*.want")):
    base = w[:-5]
    doc = next(base + e for e in (".md", ".txt", ".rst") if os.path.exists(base + e))
    want, items = [], []
    for line in open(w):
        line = line.strip()
        if len(line) > 18 and line[4] == "-" and line[10] == "T":
            stamp, _, text = line.partition("  ")
            want.append((dt.datetime.strptime(stamp, "%Y-%m-%dT%H:%MZ"), fold(text)))
        elif line.startswith("action:"):
            items.append(fold(line[7:].split("|")[0]))
    with tempfile.TemporaryDirectory() as d:
        env = dict(os.environ, HOME=d, XDG_DATA_HOME=d, XDG_CONFIG_HOME=d, XDG_STATE_HOME=d)
        p = subprocess.run([exe, "--db", d + "/s.db", "import", "--new", doc, "--dry-run", "--document"], capture_output=True, text=True, env=env)
    if p.returncode != 0:
        got, gotitems = [], []
        print(f"{base:28} exit {p.returncode}: {p.stderr.strip()[:120]}")
    else:
        j = json.loads(p.stdout)
        got = [(dt.datetime.strptime(e["at"][:19], "%Y-%m-%dT%H:%M:%S"), fold(e["text"])) for e in j["events"]]
        gotitems = [fold(a["title"]) for a in j["action_items"]]
    used = [False] * len(got)
    found = 0
    for at, text in want:
        for i, (gat, gtext) in enumerate(got):
            if not used[i] and abs((gat - at).total_seconds()) <= 60 and text in gtext:
                used[i] = True; found += 1; break
    ifound = sum(1 for t in items if any(t in g for g in gotitems))
    print(f"{base:28} entries {found}/{len(want)} (emitted {len(got)}), action items {ifound}/{len(items)}")
    for k, v in enumerate((len(want), found, len(got), sum(used), len(items), ifound)):
        tot[k] += v
print(f"all: recall {tot[1]}/{tot[0]} = {100*tot[1]/tot[0]:.1f}%, precision {tot[3]}/{tot[2]} = {100*tot[3]/max(tot[2],1):.1f}%, action items {tot[5]}/{tot[4]} = {100*tot[5]/tot[4]:.1f}%")
