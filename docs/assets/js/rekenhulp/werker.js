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
// A repeat visit restores the build-time memory snapshot (stdlib + engine imported, its data read) from the origin's
// private file system (OPFS), where the first visit kept it unpacked, without its empty pages, once its page was idle;
// the runtime's wasm compiles while the snapshot is read. Any failure there (another runtime build, a refusing browser,
// a damaged copy) falls back to the normal start.
//
// The runtime lives under a versioned path; scripts/build_pyodide.py checks that RUNTIME matches the npm version.
const RUNTIME = new URL("../../../pyodide/v314.0.7/", import.meta.url);
// Filled in by scripts/build_pyodide.py in the built site; null here (then the lockfile is fetched, no snapshot).
const LOCKFILE = null;
const MOMENTOPNAME = null;
const WIEL_INSTALLATIE = null;
// The kept snapshot's folder in the origin's private file system (OPFS): only this worker writes in it.
const MAP_NAAM = "poortwachter-momentopname";

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
// Also at once: is a memory snapshot kept from an earlier visit? If so, it is read now, while the runtime's files are
// on their way; the runtime's loader does not wait for the answer, and on a first visit (no snapshot) nothing else
// does.
const bewaardeMomentopname = zoekMomentopname();
// The layout the snapshot is kept in: fetched at once too (a small module), since after the first result the
// calculator makes no request but the snapshot's own. Only where a snapshot can be read or kept (kanBewaren).
const vorm = kanBewaren() ? import("./bewaarvorm.js") : null;
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

// Where a snapshot can be kept and read: a built worker that installs the wheel itself, in a browser with OPFS's
// synchronous file access (dedicated workers only, which this is).
function kanBewaren() {
  return !!(MOMENTOPNAME && kanZelfInstalleren && self.navigator && navigator.storage && navigator.storage.getDirectory
    && self.FileSystemFileHandle && FileSystemFileHandle.prototype.createSyncAccessHandle);
}

// The kept copy's file name: the snapshot's own (its content hash) and the layout it is kept in (bewaarvorm.js), so a
// copy of another build or in another layout is never read as this one.
function bewaarNaam() {
  return MOMENTOPNAME.url.split("/").pop().replace(/\.bin\.gz$/, "") + ".zonder-lege-paginas";
}

async function zoekMomentopname() {
  if (!kanBewaren()) return null;
  try {
    const map = await (await navigator.storage.getDirectory()).getDirectoryHandle(MAP_NAAM);
    const bestand = await map.getFileHandle(bewaarNaam());
    // Read whole and synchronously, at once: a few tens of ms while the runtime's files are still on their way. Read
    // in chunks on this thread, between the runtime's own work (as Cache Storage gives a body), the same 15 MB took up
    // to a second on a busy machine (issue 14, P5). Read-only: other tabs may read it at the same time.
    const toegang = await bestand.createSyncAccessHandle({ mode: "read-only" });
    try {
      const buffer = new ArrayBuffer(toegang.getSize());
      const gelezen = toegang.read(new Uint8Array(buffer), { at: 0 });
      // A short read leaves a copy that bewaarvorm.terug refuses (its runs do not add up): then it is removed.
      return { map, buffer: gelezen === buffer.byteLength ? buffer : buffer.slice(0, gelezen) };
    } finally {
      toegang.close();
    }
  } catch (e) {
    return null; // nothing kept (a first visit), or no OPFS here (e.g. an embed on another site): start normally
  }
}

async function uitMomentopname(loadPyodide) {
  const gevonden = await bewaardeMomentopname;
  if (!gevonden) return null;
  probeert_momentopname = true;
  try {
    // Kept unpacked, without its empty pages (bewaarMomentopname): putting the pages back in place is the only work.
    const bytes = vorm.then((v) => v.terug(gevonden.buffer, MOMENTOPNAME.grootte));
    bytes.catch(() => {}); // rejected before loadPyodide awaits it: handled there (below), not an unhandled rejection
    const pyodide = await loadPyodide(opties({ _loadSnapshot: bytes }));
    // The file system is not in the snapshot: the engine's data files come from the wheel again.
    await installeerWiel(pyodide);
    // Random state was frozen at build time; every visit gets its own.
    pyodide.runPython("import random; random.seed()");
    return pyodide;
  } catch (e) {
    await gevonden.map.removeEntry(bewaarNaam()).catch(() => {}); // never try a bad copy twice
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

const SCHRIJFSTAP = 1 << 20; // bytes written to OPFS per step while keeping the snapshot

/** Ends this task: messages that wait (a recalculation) are handled before the snapshot's next step, so a
 * recalculation asked for while the snapshot is kept waits for one step (about a millisecond), not for all 31 MB. */
function geefBeurt() {
  return new Promise((klaar) => setTimeout(klaar, 0));
}

async function bewaarMomentopname() {
  if (!kanBewaren() || start_via === "momentopname" || typeof DecompressionStream === "undefined") return;
  try {
    // Where this worker kept it until December 2026 (Cache Storage, same name): 15 MB that nothing reads any more.
    if (typeof caches !== "undefined") await caches.delete(MAP_NAAM).catch(() => {});
    const map = await (await navigator.storage.getDirectory()).getDirectoryHandle(MAP_NAAM, { create: true });
    const naam = bewaarNaam();
    const namen = [];
    for await (const n of map.keys()) namen.push(n);
    for (const oud of namen) if (oud !== naam) await map.removeEntry(oud); // an older build's copy, or a half-kept one
    if (namen.includes(naam)) return;
    // Downloaded gzipped (about a fifth of its size), kept unpacked without its empty pages (bewaarvorm.js):
    // the unpacking happens now, while the page is idle, and not on the next visit's way to its first result (issue
    // 14, P5). All of it in small steps with geefBeurt() in between (issue 14, P2): unpacked chunk by chunk into one
    // buffer of the known size, scanned and copied by zonderLegePaginasInStappen, written 1 MB at a time.
    const antwoord = await fetch(new URL(MOMENTOPNAME.url, import.meta.url));
    if (!antwoord.ok) return;
    const ruw = new Uint8Array(MOMENTOPNAME.grootte);
    let gelezen = 0;
    const lezer = antwoord.body.pipeThrough(new DecompressionStream("gzip")).getReader();
    for (let stuk = await lezer.read(); !stuk.done; stuk = await lezer.read()) {
      if (gelezen + stuk.value.byteLength > ruw.byteLength) return lezer.cancel(); // not this snapshot
      ruw.set(stuk.value, gelezen);
      gelezen += stuk.value.byteLength;
    }
    if (gelezen !== ruw.byteLength) return;
    const stappen = (await vorm).zonderLegePaginasInStappen(ruw);
    let stap;
    while (!(stap = stappen.next()).done) await geefBeurt();
    const bewaard = stap.value;
    // Written under another name and renamed when complete: a visit never finds half a copy under the real name.
    const deel = await map.getFileHandle(naam + ".deel", { create: true });
    const toegang = await deel.createSyncAccessHandle();
    try {
      toegang.truncate(0);
      for (let van = 0; van < bewaard.byteLength; van += SCHRIJFSTAP) {
        const stuk = bewaard.subarray(van, van + SCHRIJFSTAP);
        if (toegang.write(stuk, { at: van }) !== stuk.byteLength) throw new Error("momentopname: niet geschreven");
        await geefBeurt();
      }
      toegang.flush();
    } finally {
      toegang.close();
    }
    await deel.move(naam);
  } catch (e) {
    // No OPFS here, no room (quota), or another tab keeps it right now: the next visit simply starts normally.
  }
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
