# Puts the engine wheel's files into Pyodide's site-packages, from /tmp/poortwachter.whl (written there by the
# caller). Used by scripts/pyodide/maak_momentopname.mjs at build time and by the calculator worker in the browser
# (copied next to werker.js by scripts/build_pyodide.py), so both install the engine in exactly the same way.
import sys
import zipfile

zipfile.ZipFile("/tmp/poortwachter.whl").extractall(next(p for p in sys.path if p.endswith("site-packages")))
