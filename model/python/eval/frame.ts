/**
 * Execution frames and loop iterators: what holds references while code runs.
 */
import type { Address } from '../../core/address';
import type { Ref } from '../../core/objects';
import type { Expr } from '../ast';
import type { CodeObject } from './compile';

/**
 * The fast locals of every module and class body frame: empty and never written (a name is a fast
 * local only in a function frame: `isFastLocal`, `storeName`, `deleteName`; a module's or class
 * body's code has no locals to clear), so the runs share it instead of making one a frame.
 */
export const NO_FAST_LOCALS: Map<string, Ref | null> = new Map();

export interface Frame {
  readonly code: CodeObject;
  readonly kind: 'module' | 'function' | 'class';
  /**
   * A function's fast locals (`f_localsplus`), in `co_varnames` order; null = unbound.
   * Cleared in that order when the frame ends (`frame_dealloc` / `_PyFrame_ClearLocals`).
   */
  readonly fast: Map<string, Ref | null>;
  /** The module's globals (module frames) or the class body's namespace (class frames). */
  readonly ns: Map<string, Ref>;
  readonly globals: Map<string, Ref>;
  /** An inlined comprehension's frame (3.12+): names it does not bind are the enclosing function's. */
  readonly outer?: Frame;
  /** A function's cells and free variables by name (cells.ts), when its code has any. */
  readonly cells?: Map<string, Ref>;
  /** The inlined comprehension (3.12+) this frame runs. */
  readonly comprehension?: Expr;
}

/**
 * The iterator a `for` loop keeps on the evaluation stack (`GET_ITER`): its own block and,
 * until exhausted, a reference to the sequence (`listiterobject.it_seq`, set to NULL at the
 * end by `listiter_next`).
 */
export interface LoopIterator {
  readonly block: Address | null;
  seq: Ref | null;
  index: number;
  readonly next: (index: number) => Ref | null;
}

export type Completion =
  | { readonly kind: 'normal' }
  | { readonly kind: 'break' }
  | { readonly kind: 'continue' }
  | { readonly kind: 'return'; readonly value: Ref };

export const NORMAL: Completion = { kind: 'normal' };
