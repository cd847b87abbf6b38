/**
 * interning.mortality, model-based (fc.commands over the intern table): command sequences of
 * intern, share, drop, collect and observe are turned into a program. "observe" interns an equal
 * fresh string and prints whether the fresh one came back: on the mortal regime exactly when no
 * strong reference to the canonical string is left; on the immortal regime exactly when no equal
 * string was ever interned. The expected output comes from the command sequence and the regime
 * the spec entry names for the target's version.
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../../model/python/ast';
import { regimeOn } from '../../spec';
import { entry } from '../../spec/interning/mortality';
import { defineProperty } from '../harness/types';
import * as py from '../gen/py';

/** The command sequence's own view: which content each slot holds, and what was ever interned. */
interface Table {
  slots: Map<number, number>;
  everInterned: Set<number>;
  /** One entry per observe command, in order: [content, was any strong reference alive, was it ever interned]. */
  observations: [number, boolean, boolean][];
}

interface ProgramBuilder {
  statements: Stmt[];
  salt: string;
}

/** A fresh run-time string for content c: never a compile-time constant, never identifier-like. */
const build = (c: number, salt: string): Expr =>
  py.call(py.attr(py.str(''), 'join'), py.list(py.str(`objspec ${salt}`), py.str(` text ${c}`)));

class InternCommand implements fc.Command<Table, ProgramBuilder> {
  constructor(
    readonly slot: number,
    readonly content: number,
  ) {}
  check = () => true;
  run(table: Table, program: ProgramBuilder): void {
    program.statements.push(py.assign(`s${this.slot}`, py.call('sys.intern', build(this.content, program.salt))));
    table.slots.set(this.slot, this.content);
    table.everInterned.add(this.content);
  }
  toString = () => `s${this.slot} = sys.intern(<text ${this.content}>)`;
}

class ShareCommand implements fc.Command<Table, ProgramBuilder> {
  constructor(
    readonly from: number,
    readonly to: number,
  ) {}
  check = (table: Readonly<Table>) => table.slots.has(this.from) && this.from !== this.to;
  run(table: Table, program: ProgramBuilder): void {
    program.statements.push(py.assign(`s${this.to}`, py.name(`s${this.from}`)));
    table.slots.set(this.to, table.slots.get(this.from) as number);
  }
  toString = () => `s${this.to} = s${this.from}`;
}

class DropCommand implements fc.Command<Table, ProgramBuilder> {
  constructor(readonly slot: number) {}
  check = (table: Readonly<Table>) => table.slots.has(this.slot);
  run(table: Table, program: ProgramBuilder): void {
    program.statements.push(py.del(`s${this.slot}`));
    table.slots.delete(this.slot);
  }
  toString = () => `del s${this.slot}`;
}

class CollectCommand implements fc.Command<Table, ProgramBuilder> {
  check = () => true;
  run(_table: Table, program: ProgramBuilder): void {
    program.statements.push(py.expr(py.call('gc.collect')));
  }
  toString = () => 'gc.collect()';
}

class ObserveCommand implements fc.Command<Table, ProgramBuilder> {
  constructor(readonly content: number) {}
  check = () => true;
  run(table: Table, program: ProgramBuilder): void {
    const alive = [...table.slots.values()].includes(this.content);
    table.observations.push([this.content, alive, table.everInterned.has(this.content)]);
    program.statements.push(
      py.assign('fresh', build(this.content, program.salt)),
      py.print(py.str(`observe ${this.content}`), py.is(py.call('sys.intern', py.name('fresh')), py.name('fresh'))),
      py.del('fresh'),
    );
    table.everInterned.add(this.content);
  }
  toString = () => `observe <text ${this.content}>`;
}

const slot = fc.nat(3);
const content = fc.nat(2);
const commands = fc.commands(
  [
    fc.tuple(slot, content).map(([s, c]) => new InternCommand(s, c)),
    fc.tuple(slot, slot).map(([a, b]) => new ShareCommand(a, b)),
    slot.map((s) => new DropCommand(s)),
    fc.constant(new CollectCommand()),
    content.map((c) => new ObserveCommand(c)),
  ],
  { maxCommands: 25 },
);

function replay(cmds: Iterable<fc.Command<Table, ProgramBuilder>>, salt: string): { program: ProgramBuilder; table: Table } {
  const table: Table = { slots: new Map(), everInterned: new Set(), observations: [] };
  const program: ProgramBuilder = { statements: [], salt };
  fc.modelRun(() => ({ model: table, real: program }), cmds);
  return { program, table };
}

export const property = defineProperty({
  id: 'interning.mortality',
  arbitrary: commands,
  program: (cmds, salt) => py.module(py.importModules('gc', 'sys'), replay(cmds, salt).program.statements),
  check(cmds, outcome, target) {
    if (outcome.exitCode !== 0) return `the program failed (exit ${outcome.exitCode}): ${outcome.stderr.trim()}`;
    const mortal = regimeOn(entry, target.version, target.platform) === 'mortal';
    const { observations } = replay(cmds, 'check').table;
    const expected = observations
      .map(([c, alive, ever]) => `observe ${c} ${mortal ? (alive ? 'False' : 'True') : ever ? 'False' : 'True'}\n`)
      .join('');
    return outcome.stdout === expected ? null : `on the ${mortal ? 'mortal' : 'immortal'} regime expected\n${expected}got\n${outcome.stdout}`;
  },
});
