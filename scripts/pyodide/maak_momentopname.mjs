// Build-time Pyodide memory snapshot (issue 14 §3), run by scripts/build_pyodide.py:
//   node scripts/pyodide/maak_momentopname.mjs <runtime dir with pyodide.mjs, lockfile and wheel> <out file>
// Boots the same runtime files the site serves, with _makeSnapshot, puts the wheel's files into site-packages (not
// through loadPackage: a loaded package cannot be in a snapshot), imports the engine, reads its data files and writes
// the raw snapshot.
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
// it); no answer, no date and no peildatum is computed here.
pyodide.runPython(`
import poortwachter.contract
from poortwachter import berichten, regels
regels.laad_regels()
for taal in berichten.TALEN:
    berichten.catalogus(taal)
`);
const momentopname = pyodide.makeMemorySnapshot();
writeFileSync(uit, momentopname);
console.error(`[momentopname] ${momentopname.length} bytes`);
