/**
 * The shapes of the JSON that scripts/generate-site.ts writes under src/generated/ and the site's
 * components read. Everything in these files was computed from spec/ and results/; nothing here
 * is typed by hand.
 */

export type TargetKind = 'embedded' | 'native' | 'pypy' | 'model';

/** A column of the status matrix: a real interpreter or a model profile found in the results. */
export interface TargetColumn {
  /** The name used in the results: `cpython:3.12.7`, `native:/usr/bin/python3.11`, `pypy:3.9.16`, `model:3.12.7-wasm32`. */
  readonly name: string;
  readonly kind: TargetKind;
  /** Exact version when the results say it (null for a native interpreter seen only by path). */
  readonly version: string | null;
  readonly platform: string | null;
  /** Short header text: `3.12.7`, `3.12.7 wasm32`. */
  readonly label: string;
}

export type CellStatus = 'pass' | 'fail' | 'not-applicable' | 'not-run';

export interface MatrixCell {
  readonly status: CellStatus;
  readonly runs: number | null;
  /** Real targets only: did the model profile of the same version and platform print the same? */
  readonly agreement: 'pass' | 'fail' | null;
  /** PyPy cells: what the spec expects there and what the runs showed (`differs`: PyPy broke the CPython rule). */
  readonly implementation: { readonly expectation: string; readonly observed: 'holds' | 'differs' | null } | null;
}

export interface MatrixRow {
  readonly id: string;
  readonly title: string;
  readonly guarantee: 'language' | 'cpython';
  readonly href: string;
  /** Target name -> cell. */
  readonly cells: Readonly<Record<string, MatrixCell>>;
}

export interface MatrixFamily {
  readonly family: string;
  readonly rows: readonly MatrixRow[];
}

/** When and how the property results were produced. */
export interface RunInfo {
  readonly generatedAt: string;
  readonly seed: number;
  readonly scale: number;
  readonly totalRuns: number;
  readonly passed: number;
  readonly failed: number;
}

/** Which results files were found, so that pages can say plainly what has not been produced. */
export interface ResultsPresence {
  readonly invariants: boolean;
  readonly examples: boolean;
  readonly claims: boolean;
  readonly bench: boolean;
}

export interface HomeData {
  readonly invariantCount: number;
  readonly targets: readonly TargetColumn[];
  readonly families: readonly MatrixFamily[];
  readonly run: RunInfo | null;
  readonly examplesGeneratedAt: string | null;
  readonly presence: ResultsPresence;
}

/** One side's output of a program run, as shown on the site. */
export interface OutcomeView {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  /** The model declined the program (`unsupported:`, exit code 2): shown as a refusal, not an output. */
  readonly refused: boolean;
}

export interface ExampleRow {
  readonly target: TargetColumn;
  readonly real: OutcomeView;
  /** The model profile mirroring this target, when the results hold its run. */
  readonly modelTarget: string | null;
  readonly model: OutcomeView | null;
  /** null when there is no model run or the model refused. */
  readonly agrees: boolean | null;
  /** This target's real output differs from the output most targets printed. */
  readonly differsFromMost: boolean;
}

export interface ExampleView {
  readonly title: string;
  readonly source: string;
  readonly rows: readonly ExampleRow[];
  /** The heap after each statement, from the model's trace (scripts/site/heap-picture.ts). */
  readonly heap: HeapPictureView | HeapPictureMissing;
}

/** name: a variable; object: a traced object; small: a class, function or builtin a name points to;
 * missing: an object the trace does not describe; intern: the intern table. */
export type HeapBoxKind = 'name' | 'object' | 'small' | 'missing' | 'intern' | 'cache';
/** name: a variable's binding; strong: a reference an object holds; weak: a weak reference; intern: an intern table entry. */
export type HeapEdgeKind = 'name' | 'strong' | 'weak' | 'intern' | 'cache';

/** What a box says at one step (its place and size are the same at every step). */
export interface HeapBoxContent {
  readonly title: string;
  readonly value: string | null;
  readonly meta: string | null;
  readonly badges: readonly string[];
}

export interface HeapBoxView {
  readonly key: string;
  readonly kind: HeapBoxKind;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface HeapEdgeView {
  readonly key: string;
  readonly kind: HeapEdgeKind;
  /** SVG path data of the route, laid out at build time. */
  readonly path: string;
  /** SVG polygon points of the arrowhead at the target end. */
  readonly arrow: string;
  readonly label: { readonly text: string; readonly x: number; readonly y: number; readonly width: number; readonly height: number } | null;
}

export interface HeapStepView {
  /** The line of the top-level statement after which the snapshot was taken. */
  readonly line: number;
  readonly source: string;
  /** Box key -> content, for the boxes present at this step. */
  readonly boxes: Readonly<Record<string, HeapBoxContent>>;
  /** Keys of the edges present at this step. */
  readonly edges: readonly string[];
  /** Objects reachable from the names but left out to keep the picture readable. */
  readonly omitted: number;
}

export interface HeapPictureView {
  readonly kind: 'picture';
  /** The model profile whose trace is drawn, e.g. `model:3.13.2-wasm32`. */
  readonly target: string;
  /** The real interpreter that profile mirrors, when the results hold its run. */
  readonly mirrors: string | null;
  /** Whether the model printed what that interpreter printed (null: no real run, or the model refused). */
  readonly agrees: boolean | null;
  /** False when the model refused part-way: the steps stop before the refused statement. */
  readonly complete: boolean;
  readonly refusal: string | null;
  readonly width: number;
  readonly height: number;
  /** The text metrics the boxes were sized for: a box's n-th line sits `padding + n * lineHeight` below its top. */
  readonly text: { readonly lineHeight: number; readonly padding: number };
  readonly boxes: readonly HeapBoxView[];
  readonly edges: readonly HeapEdgeView[];
  readonly steps: readonly HeapStepView[];
}

export interface HeapPictureMissing {
  readonly kind: 'none';
  readonly reason: string;
}

export interface HoldsView {
  readonly since: string;
  readonly until: string | null;
  readonly platforms: readonly string[];
  readonly otherwise: string | null;
}

export interface RegimeView {
  readonly id: string;
  readonly description: string;
  readonly ranges: readonly HoldsView[];
  /** Targets in the results that are in this regime. */
  readonly targets: readonly string[];
}

export interface SourceLink {
  readonly file: string;
  readonly symbol: string;
  readonly tag: string;
  readonly url: string;
}

export interface FailureView {
  readonly violation: string;
  readonly program: string;
  readonly path: string;
  readonly outputs: readonly { readonly target: string; readonly outcome: OutcomeView }[];
  readonly replay: string;
}

export interface LayerResultView {
  readonly layer: 'model' | 'real' | 'agreement';
  readonly target: string;
  readonly status: 'pass' | 'fail' | 'not-applicable';
  /** PyPy: what the spec expects there, what the runs showed, programs not applicable, and the evidence of a difference. */
  readonly implementation: {
    readonly expectation: string;
    readonly observed: 'holds' | 'differs' | null;
    readonly notApplicable: number;
    readonly reason: string | null;
    readonly evidence: { readonly program: string; readonly violation: string; readonly outputs: readonly { readonly target: string; readonly outcome: OutcomeView }[] } | null;
  } | null;
  readonly runs: number;
  readonly seed: number;
  readonly durationMs: number;
  readonly failure: FailureView | null;
}

export interface InvariantPageData {
  readonly id: string;
  readonly family: string;
  readonly title: string;
  readonly statement: string;
  readonly guarantee: 'language' | 'cpython';
  readonly specFile: string;
  readonly propertyFile: string | null;
  readonly holds: readonly HoldsView[];
  readonly regimes: readonly RegimeView[];
  readonly sources: readonly SourceLink[];
  readonly examples: readonly ExampleView[];
  readonly examplesGeneratedAt: string | null;
  readonly results: readonly LayerResultView[];
  readonly run: RunInfo | null;
  /** Targets in the results where the spec says the invariant does not hold (not checked there). */
  readonly notApplicable: readonly string[];
  /** What the entry says of PyPy: holds (a language guarantee always), differs (and how), or not measured. */
  readonly pypy: { readonly status: 'holds' | 'differs' | 'unmeasured'; readonly behaviour: string | null };
}

export type Verdict = 'holds' | 'fails' | 'error' | 'refused';

export interface ClaimRun {
  readonly target: TargetColumn;
  readonly outcome: OutcomeView;
  readonly verdict: Verdict;
  /** Model runs: the real target this profile mirrors. */
  readonly mirrors: string | null;
}

export interface ClaimView {
  readonly id: string;
  readonly origin: 'tutorial' | 'common';
  readonly topic: string;
  readonly claim: string;
  readonly reading: string;
  readonly expectation: string;
  readonly program: string;
  readonly related: readonly { readonly id: string; readonly href: string }[];
  readonly runs: readonly ClaimRun[];
  /** Over the real targets: holds everywhere, fails everywhere, or depends on the target. */
  readonly overall: 'holds' | 'fails' | 'depends' | 'not-run';
  /** Over the CPythons only, and on PyPy alone (not-applicable: the evidence uses a CPython-only API). */
  readonly onCpython: 'holds' | 'fails' | 'depends' | 'not-run';
  readonly onPypy: 'holds' | 'fails' | 'depends' | 'not-run' | 'not-applicable';
  readonly cpythonOnlyApi: string | null;
}

export interface ClaimsData {
  readonly generatedAt: string | null;
  readonly claims: readonly ClaimView[];
}

export interface BenchFigure {
  readonly report: string;
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly note: string | null;
}

export interface PerformanceData {
  readonly present: boolean;
  readonly date: string | null;
  readonly machine: Readonly<Record<string, string | number>> | null;
  /** The commit measured (`+changes`: with uncommitted edits). */
  readonly commit: string | null;
  /** `results`: this checkout ran `npm run bench`; `recorded`: the committed bench/recorded.json. */
  readonly source: 'results' | 'recorded' | null;
  readonly figures: readonly BenchFigure[];
}

/** The playground page's data (scripts/site/playground.ts). */
export interface PlaygroundData {
  /** The CPython the page runs first, and the model profile it starts with. */
  readonly defaultVersion: string;
  readonly defaultProfile: string;
  /**
   * The embedded CPythons, oldest first; `path` is their folder under the site's root, `snapshot`
   * their start-up snapshot if served, `esModuleLoader` whether they load as ES modules (314 on).
   */
  readonly versions: readonly { readonly version: string; readonly path: string; readonly snapshot: string | null; readonly esModuleLoader: boolean }[];
  /** Every model target name (`model:3.12.7-wasm32`). */
  readonly profiles: readonly string[];
  /** The oracle's Python driver and glue, under the site's root. */
  readonly driverPath: string;
  /** elkjs's layout worker, under the site's root. */
  readonly elkWorkerPath: string;
  /** The spec's examples, for the menu. */
  readonly examples: readonly { readonly invariant: string; readonly index: number; readonly title: string; readonly source: string }[];
}
