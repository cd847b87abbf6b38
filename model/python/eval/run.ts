/**
 * `runModel`: parse (at most once), compile and run a program on a profile, and report what
 * CPython would: stdout, stderr, exit code (0; 1 for an uncaught exception, with its last
 * traceback line; 2 for input the model refuses, with `unsupported: ...` and the place).
 */
import { GcTimingUnknown } from '../../core/gc-timing';
import { Heap } from '../../core/heap';
import { ModelInputError, unsupportedMessage } from '../../errors';
import { resolveProfile } from '../../profiles';
import type { Module } from '../ast';
import { parseModule } from '../parse';
import { withUniqueNodes } from './unique-nodes';
import { compileUnit, freeArena } from './compile';
import type { EvalConfig } from './config';
import { evalConfigFromProfile } from './from-profile';
import { Interpreter } from './interpreter';
import { PyException } from './py-exception';
import { deepNesting, Refusal } from './refusal';
import type { HeapSnapshot } from './trace';

export interface RunOptions {
  /** 'module': `python FILE.py`; 'repl': each top-level statement is its own compile unit. */
  readonly mode?: 'module' | 'repl';
  /** Record a heap snapshot after each top-level statement. */
  readonly trace?: boolean;
  /** Shown in refusals (`unsupported: ... at FILE:LINE:COL`). */
  readonly filename?: string;
  /** Print id() values as the model's own numbers (never CPython's) instead of refusing; for comparisons that mask addresses. */
  readonly printAddresses?: boolean;
}

export interface ModelResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: 0 | 1 | 2;
  readonly trace?: HeapSnapshot[];
}

const configCache = new Map<string, EvalConfig>();

/** The evaluator's config for a target name (cached: profiles are immutable). */
export function evalConfigFor(target: string): EvalConfig {
  let cfg = configCache.get(target);
  if (!cfg) {
    cfg = evalConfigFromProfile(resolveProfile(target));
    configCache.set(target, cfg);
  }
  return cfg;
}

export function runModel(program: string | Module, target: string, options: RunOptions = {}): ModelResult {
  const filename = options.filename ?? '<string>';
  const mode = options.mode ?? 'module';
  let interp: Interpreter | null = null;
  try {
    const parsed = typeof program === 'string' ? parseModule(program, filename) : program;
    const cfg = evalConfigFor(target);
    // 3.14's borrowed-load analysis is keyed by node: a generated program's shared nodes are copied apart.
    const module = typeof program !== 'string' && cfg.getrefcountBorrowsFastLocals ? withUniqueNodes(parsed) : parsed;
    const heap = new Heap(cfg.core);
    interp = new Interpreter(heap, cfg, { mode, trace: options.trace ?? false, filename, printAddresses: options.printAddresses ?? false });
    if (mode === 'module') {
      const unit = compileUnit(heap, cfg, module);
      interp.runModule(unit);
    } else {
      for (const stmt of module.body) {
        interp.pos = stmt.pos;
        const unit = compileUnit(heap, cfg, [stmt]);
        // The REPL compiles each statement (`PyRun_InteractiveOneObject`): parser and
        // compiler allocations the model does not follow. Its tuples (co_consts, co_names)
        // and dicts (symtable) go through those free lists; lists and floats were measured
        // undisturbed (`a = [1]` / `i = id(a)` / `del a` / `b = [2]` / `id(b) == i`: True on 3.8-3.13).
        heap.loseFreeListOrder(['list', 'float']);
        interp.runReplStatement(unit, stmt);
        // The arena, then the code object.
        freeArena(heap, unit);
        heap.decref(unit.module.ref);
        // `flush_io()` after each statement: stdout's pending objects are released.
        interp.stdout.flush();
      }
    }
    interp.heap.collectionTiming.settle();
    interp.checkShutdown();
    return result(interp, '', 0, options);
  } catch (err) {
    if (err instanceof GcTimingUnknown) return refusal(interp, new Refusal(err.construct, err.message), filename, options);
    // Whatever ended the program, the garbage left behind may have made it refuse earlier.
    const gcRefusal = interp ? settleCollectionTiming(interp) : null;
    if (gcRefusal) return refusal(interp, gcRefusal, filename, options);
    if (err instanceof PyException && interp) {
      try {
        interp.checkShutdown();
      } catch (inner) {
        if (inner instanceof Refusal) return refusal(interp, inner, filename, options);
        throw inner;
      }
      return result(interp, `${err.lastLine}\n`, 1, options);
    }
    if (err instanceof Refusal) return refusal(interp, err, filename, options);
    if (err instanceof ModelInputError) return { stdout: interp?.printedText() ?? '', stderr: `${err.message}\n`, exitCode: 2 };
    // JavaScript's stack ran out in a recursion the model does not bound itself (hashing or
    // deep-copying very deep containers): CPython recurses in C there, with limits the model does not follow.
    if (err instanceof RangeError && err.message === 'Maximum call stack size exceeded') return refusal(interp, deepNesting(), filename, options);
    throw err;
  } finally {
    // After the result is made: a finished run's objects must not outlive it (Interpreter.release).
    interp?.release();
  }
}

function settleCollectionTiming(interp: Interpreter): Refusal | null {
  try {
    interp.heap.collectionTiming.settle();
    return null;
  } catch (err) {
    if (err instanceof GcTimingUnknown) return new Refusal(err.construct, err.message);
    throw err;
  }
}

function result(interp: Interpreter, stderr: string, exitCode: 0 | 1 | 2, options: RunOptions): ModelResult {
  const out: ModelResult = { stdout: interp.printedText(), stderr, exitCode };
  return options.trace ? { ...out, trace: interp.snapshots } : out;
}

function refusal(interp: Interpreter | null, err: Refusal, filename: string, options: RunOptions): ModelResult {
  const pos = err.pos ?? interp?.pos ?? { line: 0, col: 0 };
  const message = unsupportedMessage(err.construct, { file: filename, line: pos.line, col: pos.col }, err.detail);
  if (!interp) return { stdout: '', stderr: `${message}\n`, exitCode: 2 };
  return result(interp, `${message}\n`, 2, options);
}
