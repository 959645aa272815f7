// Module worker: boots the self-hosted Pyodide, loads the "poortwachter" wheel (sha256 checked through the trimmed
// lockfile) and answers {id, verzoek} with poortwachter.contract.bereken(verzoek). It holds no rules and no numbers:
// whatever request JSON arrives goes to bereken() unchanged, and its JSON answer goes back unchanged.
//
// Messages to the page:
//   {type: "voortgang", fase: "downloaden" | "python" | "rekenkern" | "klaar"}
//   {type: "antwoord", id, json}           json = the string bereken() returned
//   {type: "fout", id?, melding}           id absent: the start failed (the page offers "opnieuw proberen")
//
// The runtime lives under a versioned path; scripts/build_pyodide.py checks that RUNTIME matches the npm version.
const RUNTIME = new URL("../../../pyodide/v314.0.7/", import.meta.url);

let bereken = null;
const wachtrij = [];

function voortgang(fase) {
  postMessage({ type: "voortgang", fase });
}

async function start() {
  voortgang("downloaden");
  const { loadPyodide } = await import(new URL("pyodide.mjs", RUNTIME).href);
  const pyodide = await loadPyodide({
    indexURL: RUNTIME.href,
    lockFileURL: new URL("pyodide-lock.json", RUNTIME).href,
    packages: ["poortwachter"],
    // Called once the runtime is downloaded and compiled, just before the interpreter starts.
    fsInit: async () => voortgang("python"),
    stdout: () => {},
    stderr: () => {},
  });
  voortgang("rekenkern");
  const contract = pyodide.pyimport("poortwachter.contract");
  bereken = (tekst) => contract.bereken(tekst);
  voortgang("klaar");
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
  if (bereken) return;
  postMessage({
    type: "fout",
    melding: "De rekenhulp kon niet starten. Controleer uw verbinding en probeer het opnieuw.",
    detail: String(e && e.message ? e.message : e),
  });
}

// Emscripten reports a failed wasm download/compile as an unhandled rejection, not through loadPyodide's promise.
addEventListener("unhandledrejection", (e) => startMislukt(e.reason));
addEventListener("error", (e) => startMislukt(e.message));

const klaar = start().then(
  () => wachtrij.splice(0).forEach(beantwoord),
  startMislukt,
);

onmessage = (event) => {
  if (bereken) beantwoord(event.data);
  else wachtrij.push(event.data);
};

void klaar;
