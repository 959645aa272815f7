// Build-time Pyodide memory snapshot (issue 14 §3), run by scripts/build_pyodide.py:
//   node scripts/pyodide/maak_momentopname.mjs <runtime dir with pyodide.mjs, lockfile and wheel> <out file>
// Boots the same runtime files the site serves, with _makeSnapshot, puts the wheel's files into site-packages (not
// through loadPackage: a loaded package cannot be in a snapshot), imports the engine, reads its data files, answers
// once per language and writes the raw snapshot.
// The worker (docs/assets/js/rekenhulp/werker.js) restores it on a repeat visit and extracts the wheel again, since
// the file system is not part of the memory snapshot.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [runtime, uit] = process.argv.slice(2);
const lock = JSON.parse(readFileSync(join(runtime, "pyodide-lock.json"), "utf8"));
const wiel = readFileSync(join(runtime, lock.packages.poortwachter.file_name));
const { loadPyodide } = await import(pathToFileURL(join(runtime, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: runtime + "/", lockFileContents: lock, _makeSnapshot: true,
  stdout: () => {}, stderr: () => {} });
pyodide.FS.writeFile("/tmp/poortwachter.whl", wiel);
// The same lines as werker.js's installeerWiel(): one definition of "the engine from the wheel's files".
pyodide.runPython(readFileSync(new URL("installeer_wiel.py", import.meta.url), "utf8"));
// The engine imported, and its data files read and checked (the rule data, the message catalogues of both languages):
// without this, a restored visit's first answer paid for reading and parsing them (tens of ms in Pyodide). All of it
// comes from this same wheel, and the snapshot is rebuilt whenever the wheel changes (scripts/build_pyodide.py hashes
// it, and this script).
// Then one answer per language, for the first sick day the rule data cover (their own "dekking", so no date is
// chosen here): the first answer after a restore then finds the engine's code paths and its pure caches (date texts,
// the fixed pieces of the JSON) already made. Measured in Node: the first answer after a restore took 15-21 ms
// (median) without this, 2-4 ms with it (issue 14, P5). The caches hold only what follows from the rule data and the
// wheel; tests/pyodide/momentopname.test.mjs checks that the restored engine answers every case as CPython does.
pyodide.runPython(`
import json
import poortwachter.contract
from poortwachter import berichten, regels
from poortwachter.kalender import dekking
regels.laad_regels()
eerste = dekking()[0].isoformat()
for taal in berichten.TALEN:
    berichten.catalogus(taal)
    antwoord = json.loads(poortwachter.contract.bereken(json.dumps({"ziek": [eerste], "peildatum": eerste, "taal": taal})))
    assert "termijnen" in antwoord, antwoord
del json, eerste, antwoord
`);
const momentopname = pyodide.makeMemorySnapshot();
writeFileSync(uit, momentopname);
console.error(`[momentopname] ${momentopname.length} bytes`);
