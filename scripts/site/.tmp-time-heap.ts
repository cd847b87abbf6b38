import { readAllResults } from '/work/main/scripts/site/results';
import { heapPicture } from '/work/main/scripts/site/heap-picture';
let t = performance.now();
const r = readAllResults('/work/main/results');
console.log('read', performance.now() - t); t = performance.now();
for (const ex of r.examples!.examples) {
  const t0 = performance.now();
  const p = await heapPicture(ex.source, ex.runs);
  console.log(ex.invariant, ex.index, p.kind, p.kind === 'picture' ? p.boxes.length : '', Math.round(performance.now() - t0));
}
