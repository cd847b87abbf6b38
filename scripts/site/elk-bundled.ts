/** elkjs with its layout engine in the same thread: the ELK instance of the site's build (Node). */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkLayouter } from './heap-layout';

let elk: ElkLayouter | null = null;

export function bundledElk(): ElkLayouter {
  elk ??= new ELK();
  return elk;
}
