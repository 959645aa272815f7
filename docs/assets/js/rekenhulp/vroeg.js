// Loaded from the <head> as an async module (docs/overrides/main.html) on a page that holds the calculator: the
// worker, and with it the Pyodide download, starts before the page's stylesheets, head scripts and content are in
// (issue 14, P1). laden.js then mounts the form on this same worker: rekenkern() gives the page's one worker, and the
// module is the same one laden.js imports (same URL).
import { rekenkern } from "./rekenkern.js";

rekenkern();
