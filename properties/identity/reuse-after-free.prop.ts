/**
 * identity.reuse-after-free, model-based (fc.commands): a command sequence of create, rebind,
 * drop, collect and observe is turned into a program; every object the program makes is checked
 * against the ids of all earlier objects, and an id seen again must belong to an object whose
 * previous holder is dead (its weak reference returns None).
 */
import fc from 'fast-check';
import type { Stmt } from '../../model/python/ast';
import { NO_POS } from '../../model/python/ast';
import { defineProperty } from '../harness/types';
import * as py from '../gen/py';

/** What the command sequence knows: which slots hold an object now. */
interface Slots {
  live: Set<number>;
}

/** The system under construction: the statements of the program. */
interface ProgramBuilder {
  statements: Stmt[];
}

type Kind = 'Small' | 'Slotted' | 'Roomy';
const KINDS: readonly Kind[] = ['Small', 'Slotted', 'Roomy'];

class CreateCommand implements fc.Command<Slots, ProgramBuilder> {
  constructor(
    readonly slot: number,
    readonly kind: Kind,
  ) {}
  check = () => true;
  run(slots: Slots, program: ProgramBuilder): void {
    // Rebinding a live slot frees its previous object first (the assignment drops the old reference).
    program.statements.push(py.assign(`o${this.slot}`, py.call(this.kind)), py.expr(py.call('record', py.name(`o${this.slot}`))));
    slots.live.add(this.slot);
  }
  toString = () => `o${this.slot} = ${this.kind}()`;
}

class DropCommand implements fc.Command<Slots, ProgramBuilder> {
  constructor(readonly slot: number) {}
  check = (slots: Readonly<Slots>) => slots.live.has(this.slot);
  run(slots: Slots, program: ProgramBuilder): void {
    program.statements.push(py.del(`o${this.slot}`));
    slots.live.delete(this.slot);
  }
  toString = () => `del o${this.slot}`;
}

class ShareCommand implements fc.Command<Slots, ProgramBuilder> {
  constructor(
    readonly from: number,
    readonly to: number,
  ) {}
  check = (slots: Readonly<Slots>) => slots.live.has(this.from) && this.from !== this.to;
  run(slots: Slots, program: ProgramBuilder): void {
    program.statements.push(py.assign(`o${this.to}`, py.name(`o${this.from}`)));
    slots.live.add(this.to);
  }
  toString = () => `o${this.to} = o${this.from}`;
}

class CollectCommand implements fc.Command<Slots, ProgramBuilder> {
  check = () => true;
  run(_slots: Slots, program: ProgramBuilder): void {
    program.statements.push(py.expr(py.call('gc.collect')));
  }
  toString = () => 'gc.collect()';
}

const slot = fc.nat(5);
const commands = fc.commands(
  [
    fc.tuple(slot, fc.constantFrom(...KINDS)).map(([s, k]) => new CreateCommand(s, k)),
    slot.map((s) => new DropCommand(s)),
    fc.tuple(slot, slot).map(([a, b]) => new ShareCommand(a, b)),
    fc.constant(new CollectCommand()),
  ],
  { maxCommands: 30 },
);

const pass: Stmt = { kind: 'Pass', pos: NO_POS };

/**
 * record(obj): compare id(obj) with the id of every earlier object whose holder is still alive;
 * an equal id there is a violation. An id equal to a dead holder's is the reuse the invariant
 * allows; the program counts those too, but prints only the violations, because which freed
 * block CPython hands out next is allocator state that no spec entry promises.
 */
const prelude: Stmt[] = [
  py.importModules('gc', 'weakref'),
  py.classDef('Small', [pass]),
  py.classDef('Slotted', [py.assign('__slots__', py.tuple(py.str('a'), py.str('__weakref__')))]),
  py.classDef('Roomy', [pass]),
  py.assign('history', py.list()),
  py.assign('violations', py.int(0)),
  py.def('record', ['obj'], [
    { kind: 'Global', names: ['violations'], pos: NO_POS },
    py.assign('new_id', py.call('id', py.name('obj'))),
    {
      kind: 'For',
      target: { kind: 'Tuple', elts: [py.name('old_id'), py.name('old_ref')], pos: NO_POS },
      iter: py.name('history'),
      body: [
        {
          kind: 'If',
          test: py.compare(py.call(py.name('old_ref')), 'is not', py.none),
          body: [
            {
              kind: 'If',
              test: py.compare(py.name('old_id'), '==', py.name('new_id')),
              body: [{ kind: 'AugAssign', target: py.name('violations'), op: '+', value: py.int(1), pos: NO_POS }],
              orelse: [],
              pos: NO_POS,
            },
          ],
          orelse: [],
          pos: NO_POS,
        },
      ],
      orelse: [],
      pos: NO_POS,
    },
    py.expr(py.call(py.attr(py.name('history'), 'append'), py.tuple(py.name('new_id'), py.call('weakref.ref', py.name('obj'))))),
  ]),
];

export const property = defineProperty({
  id: 'identity.reuse-after-free',
  arbitrary: commands,
  program: (cmds) => {
    const builder: ProgramBuilder = { statements: [] };
    fc.modelRun(() => ({ model: { live: new Set<number>() }, real: builder }), cmds);
    return py.module(prelude, builder.statements, py.print(py.str('violations'), py.name('violations')));
  },
  check(_cmds, outcome) {
    if (outcome.exitCode !== 0) return `the program failed (exit ${outcome.exitCode}): ${outcome.stderr.trim()}`;
    const match = /^violations (\d+)\n$/.exec(outcome.stdout);
    if (!match) return `unexpected output ${JSON.stringify(outcome.stdout)}`;
    return match[1] === '0' ? null : `${match[1]} id(s) came back while their previous holder was alive`;
  },
});
