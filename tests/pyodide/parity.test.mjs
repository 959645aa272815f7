// The built wheel in Pyodide (Node) must answer every request exactly as CPython does: identical JSON strings.
// CPython's answers come from tests/pyodide/cpython_antwoorden.py (run with .venv/bin/python, installed wheel);
// Pyodide loads the wheel from the BUILT site (site/pyodide/v<versie>/, trimmed lockfile with its sha256).
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const VERSIE = JSON.parse(readFileSync(join(ROOT, "node_modules/pyodide/package.json"), "utf8")).version;
const SITE = process.env.POORTWACHTER_SITE || join(ROOT, "site");
const RUNTIME = join(SITE, "pyodide", `v${VERSIE}`) + "/";
const PYTHON = join(ROOT, ".venv", "bin", "python");

let pyodide;
let contract;
let gevallen;

before(async () => {
  assert.ok(existsSync(join(RUNTIME, "pyodide-lock.json")), `${RUNTIME} ontbreekt: eerst scripts/build_site.py draaien`);
  gevallen = JSON.parse(execFileSync(PYTHON, [join(ROOT, "tests/pyodide/cpython_antwoorden.py")],
    { encoding: "utf8", maxBuffer: 1 << 28 }));
  const { loadPyodide } = await import(join(RUNTIME, "pyodide.mjs"));
  pyodide = await loadPyodide({ indexURL: RUNTIME, lockFileURL: join(RUNTIME, "pyodide-lock.json"), stdout: () => {}, stderr: () => {} });
  await pyodide.loadPackage("poortwachter", { messageCallback: () => {} });
  contract = pyodide.pyimport("poortwachter.contract");
});

test("the site ships exactly dist/'s wheel, registered with its sha256 in a lockfile holding nothing else", () => {
  const lock = JSON.parse(readFileSync(join(RUNTIME, "pyodide-lock.json"), "utf8"));
  assert.deepEqual(Object.keys(lock.packages), ["poortwachter"]);
  const wiel = lock.packages.poortwachter;
  const dist = readdirSync(join(ROOT, "dist")).filter((n) => /^poortwachter-.*-py3-none-any\.whl$/.test(n));
  assert.deepEqual(dist, [wiel.file_name]);
  const sha = (p) => createHash("sha256").update(readFileSync(p)).digest("hex");
  assert.equal(sha(join(RUNTIME, wiel.file_name)), wiel.sha256);
  assert.equal(sha(join(ROOT, "dist", wiel.file_name)), wiel.sha256);
  assert.deepEqual(readdirSync(RUNTIME).sort(),
    [wiel.file_name, "pyodide-lock.json", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide.mjs", "python_stdlib.zip"].sort());
});

test("Pyodide runs the same Python as the lockfile names", () => {
  const lock = JSON.parse(readFileSync(join(RUNTIME, "pyodide-lock.json"), "utf8"));
  assert.equal(pyodide.runPython("import sys; '.'.join(map(str, sys.version_info[:3]))"), lock.info.python);
});

test("every case: Pyodide's bereken() gives CPython's JSON, byte for byte", () => {
  assert.ok(gevallen.length >= 4, "geen gevallen gevonden");
  const publiek = gevallen.filter((g) => g.naam.startsWith("publiek:"));
  assert.ok(publiek.length >= 4, "de publieke gevallen ontbreken");
  const verschillen = [];
  for (const g of gevallen) {
    const antwoord = contract.bereken(g.verzoek);
    if (antwoord !== g.antwoord) verschillen.push(`${g.naam}\n  cpython: ${g.antwoord.slice(0, 300)}\n  pyodide: ${antwoord.slice(0, 300)}`);
  }
  assert.equal(verschillen.length, 0, `${verschillen.length} van ${gevallen.length} verschillen:\n${verschillen.slice(0, 5).join("\n")}`);
});

test("the public cases give their expected dates in Pyodide", () => {
  const publiek = JSON.parse(readFileSync(join(ROOT, "tests/browser/public-cases.json"), "utf8"));
  for (const geval of publiek.gevallen) {
    const g = gevallen.find((x) => x.naam === `publiek: ${geval.naam}`);
    assert.ok(g, geval.naam);
    const a = JSON.parse(contract.bereken(g.verzoek));
    assert.equal(a.eerste_ziektedag, geval.verwacht.eerste_ziektedag, geval.naam);
    const datums = Object.fromEntries(a.termijnen.map((t) => [t.id, t.datum]));
    for (const [id, datum] of Object.entries(geval.verwacht.termijnen)) assert.equal(datums[id], datum, `${geval.naam}: ${id}`);
  }
});
