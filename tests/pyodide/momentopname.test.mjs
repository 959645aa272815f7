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

test("the worker keeps the snapshot without its empty pages, and reads it back byte for byte", async () => {
  const vorm = await import(pathToFileURL(join(SITE, "assets/js/rekenhulp/bewaarvorm.js")).href);
  const [naam] = readdirSync(MAP);
  const gz = gunzipSync(readFileSync(join(MAP, naam)));
  const ruw = new Uint8Array(gz.byteLength); // an ArrayBuffer of its own, as the worker's arrayBuffer() gives
  ruw.set(gz);
  const bewaard = vorm.zonderLegePaginas(ruw);
  // Only whole pages of zeros are left out: the kept bytes are the raw size less a multiple of the page size, plus
  // the header; this snapshot has many empty pages, so much less is read on a repeat visit.
  const kop = 8 + 8 * new Uint32Array(bewaard.buffer, 4, 1)[0];
  assert.equal((ruw.byteLength - (bewaard.byteLength - kop)) % vorm.PAGINA, 0);
  assert.ok(bewaard.byteLength < 0.75 * ruw.byteLength, `${bewaard.byteLength} van ${ruw.byteLength}`);
  const terug = vorm.terug(bewaard.buffer, ruw.byteLength);
  assert.equal(terug.byteLength, ruw.byteLength);
  assert.ok(Buffer.from(terug.buffer).equals(Buffer.from(ruw.buffer)), "niet byte voor byte dezelfde momentopname");
  // The worker keeps it in steps (one task each, so that a recalculation waits for one step only): the same bytes,
  // with no step that scans or copies more than its share of pages.
  const stappen = vorm.zonderLegePaginasInStappen(ruw, 64);
  let stap = stappen.next();
  let aantal = 0;
  for (; !stap.done; stap = stappen.next()) aantal++;
  assert.ok(Buffer.from(stap.value).equals(Buffer.from(bewaard)), "in stappen niet dezelfde bewaarde vorm");
  const perStap = 64 * vorm.PAGINA;
  assert.ok(aantal >= Math.floor(ruw.byteLength / perStap) + Math.floor((bewaard.byteLength - kop) / perStap),
    `${aantal} stappen`);
  // A page that is empty but for its last byte is kept; the same for a last page shorter than a page.
  const klein = new Uint8Array(3 * vorm.PAGINA + 5);
  klein[2 * vorm.PAGINA - 1] = 7;
  klein[klein.length - 1] = 9;
  const k = vorm.zonderLegePaginas(klein);
  assert.deepEqual([...vorm.terug(k.buffer, klein.length)], [...klein]);
  assert.deepEqual([...new Uint32Array(k.buffer, 0, 6)], [vorm.VORM, 2, 1, 1, 3, 1]);
  // Anything else is refused (the worker then starts normally): the raw snapshot, bytes from elsewhere, a cut copy, a
  // header that claims more than there is.
  assert.throws(() => vorm.terug(ruw.buffer, ruw.byteLength));
  assert.throws(() => vorm.terug(new Uint8Array([1, 2, 3]).buffer, ruw.byteLength));
  assert.throws(() => vorm.terug(bewaard.buffer.slice(0, bewaard.byteLength - 1), ruw.byteLength));
  const teVeel = bewaard.slice();
  new Uint32Array(teVeel.buffer, 4, 1)[0] = 1e6;
  assert.throws(() => vorm.terug(teVeel.buffer, ruw.byteLength));
});
