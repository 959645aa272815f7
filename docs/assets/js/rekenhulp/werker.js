// Module worker: boots the self-hosted Pyodide, installs the "poortwachter" wheel (sha256 checked against the
// lockfile) and answers {id, verzoek} with poortwachter.contract.bereken(verzoek). It holds no rules and no numbers:
// whatever request JSON arrives goes to bereken() unchanged, and its JSON answer goes back unchanged.
//
// Messages to the page:
//   {type: "voortgang", fase: "downloaden" | "python" | "rekenkern" | "klaar", start?}
//                                           start (with "klaar"): "momentopname" | "normaal"
//   {type: "antwoord", id, json}           json = the string bereken() returned
//   {type: "fout", id?, melding}           id absent: the start failed (the page offers "opnieuw proberen"); the
//                                           page shows its own text for it in the page language (teksten.js)
// Messages from the page: {id, verzoek}, and {type: "momentopname"} (the page is idle after its first result: keep
// the memory snapshot for the next visit).
//
// The critical path of a first visit (issue 14 §2): pyodide.mjs, the wheel and the look for a kept snapshot start at
// once, side by side; the lockfile is inlined below by scripts/build_pyodide.py (no fetch); the page posts its first
// request without waiting for "klaar" (it waits here, in the queue); nothing waits on what it does not need.
// A repeat visit restores the build-time memory snapshot (stdlib + engine imported, its data read) from Cache
// Storage, where the first visit kept it unpacked, without its empty pages, once its page was idle; the runtime's
// wasm compiles while the snapshot is read. Any failure there (another runtime build, a refusing browser, a damaged
// copy) falls back to the normal start.
//
// The runtime lives under a versioned path; scripts/build_pyodide.py checks that RUNTIME matches the npm version.
const RUNTIME = new URL("../../../pyodide/v314.0.7/", import.meta.url);
// Filled in by scripts/build_pyodide.py in the built site; null here (then the lockfile is fetched, no snapshot).
const LOCKFILE = null;
const MOMENTOPNAME = null;
const WIEL_INSTALLATIE = null;
const CACHE_NAAM = "poortwachter-momentopname";

const WASM_URL = new URL("pyodide.asm.wasm", RUNTIME).href;
let runtimeWasm = null; // Promise<WebAssembly.Module>, started with Pyodide's fetch of WASM_URL (below)
let bereken = null;
let start_via = "normaal";
let probeert_momentopname = false;
const wachtrij = [];

function voortgang(fase, extra = {}) {
  postMessage({ type: "voortgang", fase, ...extra });
}

// Started at once, in parallel: the runtime's loader and, when the lockfile names it, our wheel (checked on arrival).
const pyodideModule = import(new URL("pyodide.mjs", RUNTIME).href);
const wielInfo = LOCKFILE && LOCKFILE.packages && LOCKFILE.packages.poortwachter;
const kanZelfInstalleren = !!(wielInfo && WIEL_INSTALLATIE && self.crypto && crypto.subtle);
const wiel = kanZelfInstalleren
  ? fetch(new URL(wielInfo.file_name, RUNTIME))
      .then((r) => {
        if (!r.ok) throw new Error(`wiel: HTTP ${r.status}`);
        return r.arrayBuffer();
      })
      .then(async (bytes) => {
        // The same integrity check loadPackage does with the lockfile's sha256, as soon as the bytes are in: beside
        // the runtime's start, not after it.
        const sha256 = hex(await crypto.subtle.digest("SHA-256", bytes));
        if (sha256 !== wielInfo.sha256) throw new Error("wiel: sha256 klopt niet");
        return bytes;
      })
  : null;
if (wiel) wiel.catch(() => {}); // reported where it is awaited
// Also at once: is a memory snapshot kept from an earlier visit? Opening Cache Storage can take a while in a fresh
// profile; the runtime's loader does not wait for the answer, and on a first visit (no snapshot) nothing else does.
const bewaardeMomentopname = zoekMomentopname();
// The layout the snapshot is kept in: fetched at once too (a small module), since after the first result the
// calculator makes no request but the snapshot's own.
// (Only where a snapshot can be read or kept: the same condition as zoekMomentopname and bewaarMomentopname.)
const vorm = MOMENTOPNAME && kanZelfInstalleren ? import("./bewaarvorm.js") : null;
if (vorm) vorm.catch(() => {}); // reported where it is awaited: the snapshot is then neither read nor kept

function hex(buffer) {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

async function installeerWiel(pyodide) {
  const bytes = await wiel; // checked against the lockfile's sha256 (above)
  pyodide.FS.writeFile("/tmp/poortwachter.whl", new Uint8Array(bytes));
  pyodide.runPython(WIEL_INSTALLATIE);
}

function opties(extra) {
  return {
    indexURL: RUNTIME.href,
    ...(LOCKFILE ? { lockFileContents: LOCKFILE } : { lockFileURL: new URL("pyodide-lock.json", RUNTIME).href }),
    // Called once the runtime is downloaded and compiled, just before the interpreter starts.
    fsInit: async () => voortgang("python"),
    stdout: () => {},
    stderr: () => {},
    ...extra,
  };
}

async function zoekMomentopname() {
  if (!MOMENTOPNAME || !kanZelfInstalleren || typeof caches === "undefined") return null; // kept unpacked
  try {
    const cache = await caches.open(CACHE_NAAM);
    const url = bewaarSleutel();
    const bewaard = await cache.match(url);
    return bewaard ? { cache, url, bewaard } : null;
  } catch (e) {
    return null; // no Cache Storage here (e.g. an embed on another site): start normally
  }
}

async function uitMomentopname(loadPyodide) {
  const gevonden = await bewaardeMomentopname;
  if (!gevonden) return null;
  const { cache, url, bewaard } = gevonden;
  probeert_momentopname = true;
  try {
    // Kept unpacked, without its empty pages (bewaarMomentopname): reading it is the only work, and Pyodide takes it
    // as a promise, so the runtime's own downloads (wasm, stdlib) start while it is read.
    const bytes = Promise.all([bewaard.arrayBuffer(), vorm]).then(([buffer, v]) => v.terug(buffer, MOMENTOPNAME.grootte));
    bytes.catch(() => {}); // rejected before loadPyodide awaits it: handled there (below), not an unhandled rejection
    const pyodide = await loadPyodide(opties({ _loadSnapshot: bytes }));
    // The file system is not in the snapshot: the engine's data files come from the wheel again.
    await installeerWiel(pyodide);
    // Random state was frozen at build time; every visit gets its own.
    pyodide.runPython("import random; random.seed()");
    return pyodide;
  } catch (e) {
    await cache.delete(url); // never try a bad copy twice
    return null;
  } finally {
    probeert_momentopname = false;
  }
}

async function start() {
  voortgang("downloaden");
  const { loadPyodide } = await pyodideModule;
  let pyodide = null;
  try {
    pyodide = await uitMomentopname(loadPyodide);
  } catch (e) {
    pyodide = null;
  }
  if (pyodide) {
    start_via = "momentopname";
  } else {
    pyodide = await loadPyodide(opties(kanZelfInstalleren ? {} : { packages: ["poortwachter"] }));
    if (kanZelfInstalleren) await installeerWiel(pyodide);
  }
  voortgang("rekenkern");
  const contract = pyodide.pyimport("poortwachter.contract");
  bereken = (tekst) => contract.bereken(tekst);
  voortgang("klaar", { start: start_via });
}

async function bewaarMomentopname() {
  if (!MOMENTOPNAME || !kanZelfInstalleren || start_via === "momentopname" || typeof caches === "undefined"
      || typeof DecompressionStream === "undefined") return;
  try {
    const cache = await caches.open(CACHE_NAAM);
    const url = bewaarSleutel();
    for (const oud of await cache.keys()) if (oud.url !== url) await cache.delete(oud); // an older build's snapshot
    if (await cache.match(url)) return;
    // Downloaded gzipped (about a fifth of its size), kept unpacked without its empty pages (bewaarvorm.js):
    // the unpacking happens now, while the page is idle, and not on the next visit's way to its first result (issue
    // 14, P5).
    const antwoord = await fetch(new URL(MOMENTOPNAME.url, import.meta.url));
    if (!antwoord.ok) return;
    const bytes = await new Response(antwoord.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
    if (bytes.byteLength !== MOMENTOPNAME.grootte) return;
    await cache.put(url, new Response((await vorm).zonderLegePaginas(new Uint8Array(bytes)),
      { headers: { "Content-Type": "application/octet-stream" } }));
  } catch (e) {
    // No Cache Storage (private mode, quota): the next visit simply starts normally.
  }
}

// Kept under a key that names its layout (bewaarvorm.js), so a copy kept in another one is never read as this.
function bewaarSleutel() {
  return new URL(MOMENTOPNAME.url + "?bewaard=zonder-lege-paginas", import.meta.url).href;
}

function beantwoord({ id, verzoek }) {
  try {
    const tekst = typeof verzoek === "string" ? verzoek : JSON.stringify(verzoek);
    postMessage({ type: "antwoord", id, json: bereken(tekst) });
  } catch (e) {
    postMessage({ type: "fout", id, melding: "De rekenhulp gaf een onverwachte fout. Probeer het opnieuw.", detail: String(e) });
  }
}

function startMislukt(e) {
  if (bereken || probeert_momentopname) return; // a failed snapshot restore falls back to the normal start
  postMessage({
    type: "fout",
    melding: "De rekenhulp kon niet starten. Controleer uw verbinding en probeer het opnieuw.",
    detail: String(e && e.message ? e.message : e),
  });
}

// Emscripten reports a failed wasm download/compile as an unhandled rejection, not through loadPyodide's promise.
addEventListener("unhandledrejection", (e) => startMislukt(e.reason));
addEventListener("error", (e) => startMislukt(e.message));
// ...but only when nothing has attached a handler yet: on a busy machine the download fails later, Pyodide's own
// promise chain has caught it by then, and loadPyodide never settles (seen: "wasm instantiation failed!" and no
// rejection). A download that fails during the start is the start failing, whoever catches it.
const eigenFetch = globalThis.fetch.bind(globalThis);
globalThis.fetch = (...args) => {
  const antwoord = eigenFetch(...args).catch((e) => {
    startMislukt(e);
    throw e;
  });
  if (!runtimeWasm && String(args[0] && args[0].url ? args[0].url : args[0]) === WASM_URL
      && typeof WebAssembly.compileStreaming === "function") {
    runtimeWasm = WebAssembly.compileStreaming(antwoord);
    runtimeWasm.catch(() => {}); // a failed compile is Pyodide's to report: see instantiateStreaming below
  }
  return antwoord;
};

// The runtime's wasm is compiled as soon as Pyodide fetches it (above), not when Pyodide gets round to it: loadPyodide
// awaits the memory snapshot before it creates its module, so on a repeat visit the compile (from the wasm code
// cache, still a hundred ms or more) waited for the snapshot to be read; now the two run side by side (issue 14, P5).
// Pyodide's own instantiateStreaming then gets this compiled module. If the early compile failed, Pyodide's way once
// more, with a fresh response (the first one's body went to the failed compile).
const eigenInstantiateStreaming = WebAssembly.instantiateStreaming;
WebAssembly.instantiateStreaming = async function (bron, imports) {
  const antwoord = await bron;
  if (!runtimeWasm || !antwoord || antwoord.url !== WASM_URL) return eigenInstantiateStreaming.call(this, antwoord, imports);
  const module = await runtimeWasm.catch(() => null);
  if (!module) return eigenInstantiateStreaming.call(this, eigenFetch(WASM_URL), imports);
  return { module, instance: await WebAssembly.instantiate(module, imports) };
};

const klaar = start().then(
  () => wachtrij.splice(0).forEach(beantwoord),
  startMislukt,
);

onmessage = (event) => {
  if (event.data && event.data.type === "momentopname") bewaarMomentopname();
  else if (bereken) beantwoord(event.data);
  else wachtrij.push(event.data);
};

void klaar;
