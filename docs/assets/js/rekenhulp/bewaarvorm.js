// The layout in which the calculator worker (werker.js) keeps the Pyodide memory snapshot in OPFS. No rules,
// no I/O: two pure functions, also run by tests/pyodide/momentopname.test.mjs on the built snapshot.
//
// The kept snapshot leaves out its empty memory pages: about half of the 31 MB are zero pages, and a repeat visit reads
// the rest only (issue 14, P5). Layout, in 32-bit words: VORM, the number of runs, per run its first page and
// its number of pages (PAGINA bytes each; the last page may be shorter), then the runs' bytes one after another.
export const PAGINA = 4096;
export const VORM = 0x31707a70; // "pzp1"; any other first word: not this layout (the worker then starts normally)

/** The raw snapshot (Uint8Array) -> the kept layout (Uint8Array), in one go. */
export function zonderLegePaginas(ruw) {
  const stappen = zonderLegePaginasInStappen(ruw);
  let stap;
  while (!(stap = stappen.next()).done) {}
  return stap.value;
}

/** The same work as a generator: it yields after every `paginasPerStap` pages scanned or copied (1 MB by default)
 * and returns the kept layout. The worker does one step per task, so that a recalculation that arrives while the
 * snapshot is being kept waits for one step (about a millisecond), not for all 31 MB (issue 14, P2). */
export function* zonderLegePaginasInStappen(ruw, paginasPerStap = 256) {
  const woorden = new Uint32Array(ruw.buffer, ruw.byteOffset, ruw.byteLength >>> 2);
  const perPagina = PAGINA / 4;
  const paginas = Math.ceil(ruw.byteLength / PAGINA);
  const runs = [];
  let begin = -1;
  for (let p = 0; p < paginas; p++) {
    if (p && p % paginasPerStap === 0) yield;
    // A last page shorter than PAGINA is always kept.
    let leeg = (p + 1) * PAGINA <= ruw.byteLength;
    for (let i = p * perPagina, eind = i + perPagina; leeg && i < eind; i++) leeg = woorden[i] === 0;
    if (!leeg && begin < 0) begin = p;
    if (leeg && begin >= 0) {
      runs.push(begin, p - begin);
      begin = -1;
    }
  }
  if (begin >= 0) runs.push(begin, paginas - begin);
  const stukken = []; // [first byte, end byte) of each run (the last page may be shorter)
  for (let r = 0; r < runs.length; r += 2) {
    stukken.push([runs[r] * PAGINA, Math.min((runs[r] + runs[r + 1]) * PAGINA, ruw.byteLength)]);
  }
  const kop = new Uint32Array([VORM, runs.length / 2, ...runs]);
  const uit = new Uint8Array(kop.byteLength + stukken.reduce((n, [vanaf, tot]) => n + tot - vanaf, 0));
  uit.set(new Uint8Array(kop.buffer));
  let pos = kop.byteLength;
  const stap = paginasPerStap * PAGINA;
  for (const [vanaf, tot] of stukken) {
    for (let van = vanaf; van < tot; van += stap) {
      const stuk = ruw.subarray(van, Math.min(van + stap, tot));
      uit.set(stuk, pos);
      pos += stuk.byteLength;
      yield;
    }
  }
  return uit;
}

/** The kept layout (ArrayBuffer) -> the raw snapshot of `grootte` bytes; throws on anything else. */
export function terug(buffer, grootte) {
  if (buffer.byteLength < 8 || new Uint32Array(buffer, 0, 1)[0] !== VORM) throw new Error("momentopname: andere vorm");
  const aantal = new Uint32Array(buffer, 4, 1)[0];
  const runs = new Uint32Array(buffer, 8, aantal * 2); // RangeError when the header claims more than there is
  const ruw = new Uint8Array(grootte); // zeros: the left-out pages
  let pos = 8 + runs.byteLength;
  for (let r = 0; r < runs.length; r += 2) {
    const van = runs[r] * PAGINA;
    const lengte = Math.min(runs[r + 1] * PAGINA, grootte - van);
    if (lengte <= 0 || pos + lengte > buffer.byteLength) throw new Error("momentopname: beschadigd");
    ruw.set(new Uint8Array(buffer, pos, lengte), van);
    pos += lengte;
  }
  if (pos !== buffer.byteLength) throw new Error("momentopname: beschadigd");
  return ruw;
}
