// The build-time memory snapshot (site/pyodide/momentopname-v<versie>/*.bin.gz, made by scripts/build_pyodide.py)
// restored as the calculator worker restores it (_loadSnapshot, then the wheel's files extracted again, random
// re-seeded) must answer every case exactly as CPython does: identical JSON strings, as in parity.test.mjs.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const VERSIE = JSON.parse(readFileSync(join(ROOT, "node_modules/pyodide/package.json"), "utf8")).version;
const SITE = process.env.POORTWACHTER_SITE || join(ROOT, "site");
const RUNTIME = join(SITE, "pyodide", `v${VERSIE}`) + "/";
const MAP = join(SITE, "pyodide", `momentopname-v${VERSIE}`);

let contract;
let gevallen;
let werker;

before(async () => {
  werker = readFileSync(join(SITE, "assets/js/rekenhulp/werker.js"), "utf8");
  const bestanden = readdirSync(MAP);
  assert.equal(bestanden.length, 1, `precies één momentopname verwacht in ${MAP}: ${bestanden}`);
  const momentopname = gunzipSync(readFileSync(join(MAP, bestanden[0])));
  gevallen = JSON.parse(execFileSync(join(ROOT, ".venv/bin/python"), [join(ROOT, "tests/pyodide/cpython_antwoorden.py")],
    { encoding: "utf8", maxBuffer: 1 << 28 }));
  const lock = JSON.parse(readFileSync(join(RUNTIME, "pyodide-lock.json"), "utf8"));
  const { loadPyodide } = await import(pathToFileURL(join(RUNTIME, "pyodide.mjs")).href);
  const pyodide = await loadPyodide({ indexURL: RUNTIME, lockFileContents: lock, _loadSnapshot: momentopname,
    stdout: () => {}, stderr: () => {} });
  pyodide.FS.writeFile("/tmp/poortwachter.whl", readFileSync(join(RUNTIME, lock.packages.poortwachter.file_name)));
  pyodide.runPython(readFileSync(join(ROOT, "scripts/pyodide/installeer_wiel.py"), "utf8"));
  pyodide.runPython("import random; random.seed()");
  contract = pyodide.pyimport("poortwachter.contract");
});

test("the built worker names this snapshot, its raw size, the inlined lockfile and the wheel installer", () => {
  const [naam] = readdirSync(MAP);
  const m = JSON.parse(werker.match(/const MOMENTOPNAME = (\{.*?\});/)[1]);
  assert.equal(m.url, `../../../pyodide/momentopname-v${VERSIE}/${naam}`);
  assert.equal(m.grootte, gunzipSync(readFileSync(join(MAP, naam))).length);
  const lock = JSON.parse(werker.match(/const LOCKFILE = (\{.*?\});\n/)[1]);
  assert.deepEqual(lock, JSON.parse(readFileSync(join(RUNTIME, "pyodide-lock.json"), "utf8")));
  assert.equal(JSON.parse(werker.match(/const WIEL_INSTALLATIE = (".*?");\n/)[1]),
    readFileSync(join(ROOT, "scripts/pyodide/installeer_wiel.py"), "utf8"));
});

test("every case: the restored engine gives CPython's JSON, byte for byte", () => {
  assert.ok(gevallen.length >= 4, "geen gevallen gevonden");
  const verschillen = gevallen.filter((g) => contract.bereken(g.verzoek) !== g.antwoord).map((g) => g.naam);
  assert.deepEqual(verschillen, []);
});
