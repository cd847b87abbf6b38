/**
 * The heap after each top-level statement of an example, drawn from the model's trace. Everything
 * was placed at build time (scripts/site/heap-layout.ts); this only draws it and lets the reader
 * step through the statements.
 */
import { useId, useState, type ReactElement } from 'react';
import type { HeapBoxContent, HeapBoxView, HeapEdgeView, HeapPictureMissing, HeapPictureView, HeapStepView } from '../data/types';
import styles from './HeapPicture.module.css';
import common from './styles.module.css';

const BOX_CLASS: Record<HeapBoxView['kind'], string | undefined> = {
  name: styles.name,
  object: undefined,
  small: styles.small,
  missing: styles.missing,
  intern: styles.intern,
  cache: styles.intern,
};

const EDGE_CLASS: Record<HeapEdgeView['kind'], string | undefined> = {
  name: undefined,
  strong: undefined,
  weak: styles.weak,
  intern: styles.internEdge,
  cache: styles.internEdge,
};

const classes = (...names: (string | undefined | false)[]): string => names.filter(Boolean).join(' ');

function Box({ box, content, text }: { box: HeapBoxView; content: HeapBoxContent; text: HeapPictureView['text'] }): ReactElement {
  const lines: [string, string | undefined][] = [
    [content.title, styles.title],
    ...(content.value === null ? [] : [[content.value, undefined] as [string, undefined]]),
    ...(content.meta === null ? [] : [[content.meta, styles.meta] as [string, string | undefined]]),
    ...(content.badges.length === 0 ? [] : [[content.badges.join(' · '), styles.badges] as [string, string | undefined]]),
  ];
  const interned = content.badges.includes('interned');
  const immortal = content.badges.includes('immortal');
  return (
    <g
      className={classes(styles.box, BOX_CLASS[box.kind], interned && styles.interned, immortal && styles.immortal)}
      transform={`translate(${box.x} ${box.y})`}
      data-box-kind={box.kind}
      data-box={box.key}
    >
      <rect width={box.width} height={box.height} rx={box.kind === 'name' ? 3 : 5} />
      {lines.map(([line, className], i) => (
        // Baseline a little above the bottom of the line's slot.
        <text key={i} className={className} x={text.padding} y={text.padding + (i + 1) * text.lineHeight - 4}>
          {line}
        </text>
      ))}
    </g>
  );
}

function Edge({ edge }: { edge: HeapEdgeView }): ReactElement {
  return (
    <g className={classes(styles.edge, EDGE_CLASS[edge.kind])} data-edge-kind={edge.kind}>
      <path d={edge.path} />
      <polygon points={edge.arrow} />
    </g>
  );
}

function EdgeLabel({ label }: { label: NonNullable<HeapEdgeView['label']> }): ReactElement {
  return (
    <g className={styles.label} transform={`translate(${label.x} ${label.y})`}>
      <rect width={label.width} height={label.height} rx={2} />
      <text x={2} y={label.height - 3}>
        {label.text}
      </text>
    </g>
  );
}

function stepTitle(step: HeapStepView): string {
  return `after line ${step.line}`;
}

function Picture({ heap, step, titleId, descId }: { heap: HeapPictureView; step: HeapStepView; titleId: string; descId: string }): ReactElement {
  const boxes = heap.boxes.filter((box) => step.boxes[box.key] !== undefined);
  const shown = new Set(step.edges);
  const edges = heap.edges.filter((edge) => shown.has(edge.key));
  const count = (kind: HeapBoxView['kind']) => boxes.filter((box) => box.kind === kind).length;
  return (
    <svg
      className={styles.svg}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      viewBox={`0 0 ${heap.width} ${heap.height}`}
      width={heap.width}
      height={heap.height}
      data-step={step.line}
    >
      <title id={titleId}>{`The heap ${stepTitle(step)}: ${step.source}`}</title>
      <desc id={descId}>{`${count('name')} names, ${count('object') + count('small') + count('missing')} objects, ${edges.length} arrows.`}</desc>
      {edges.map((edge) => (
        <Edge key={edge.key} edge={edge} />
      ))}
      {boxes.map((box) => (
        <Box key={box.key} box={box} content={step.boxes[box.key] as HeapBoxContent} text={heap.text} />
      ))}
      {edges.map((edge) => edge.label && <EdgeLabel key={edge.key} label={edge.label} />)}
    </svg>
  );
}

function Caption({ heap }: { heap: HeapPictureView }): ReactElement {
  return (
    <figcaption className={styles.caption}>
      The heap after each top-level statement, as the model profile <code>{heap.target}</code> computes it
      {heap.mirrors !== null && heap.agrees === true && (
        <>
          {' '}
          (it prints what <code>{heap.mirrors}</code> prints)
        </>
      )}
      {heap.mirrors !== null && heap.agrees === false && (
        <>
          {' '}
          (its output <strong>differs</strong> from <code>{heap.mirrors}</code>)
        </>
      )}
      .
      <details>
        <summary>How to read the picture</summary>
        <ul>
        <li>
          <code>@1</code>, <code>@2</code>, …: the model&apos;s addresses, numbered by first appearance; they are not CPython&apos;s <code>id()</code> values. The
          same label at two steps is the same address: on another object, the address was reused. Where the model cannot tell which free block an
          object takes, its label follows the model&apos;s guess (the model refuses to compare such ids).
        </li>
        <li>
          Each object shows its type, its value and its reference count (<code>?</code> where the model does not know it, <code>immortal</code> for immortal
          objects); <em>interned</em> objects are in the intern table.
        </li>
        <li>
          Solid arrows: references (labelled with the item index, dict key or <code>__class__</code>); dashed: weak references; dotted: entries of the intern table and of CPython's caches (small ints, 1-character strings and bytes).
        </li>
        <li>
          A dashed box <em>not in trace</em> is an object the model&apos;s trace does not describe: one that exists before the program runs (cached small ints,
          None and the other singletons, builtins, modules) or a code object. Classes, functions and builtins are small boxes whose contents are not drawn.
        </li>
        </ul>
      </details>
    </figcaption>
  );
}

export default function HeapPicture({ heap }: { heap: HeapPictureView | HeapPictureMissing }): ReactElement {
  const [index, setIndex] = useState(0);
  const id = useId();
  if (heap.kind === 'none') {
    return (
      <p className={common.small} data-testid="heap-picture-missing">
        {heap.reason}
      </p>
    );
  }
  const steps = heap.steps;
  const step = steps[Math.min(index, steps.length - 1)] as HeapStepView;
  const sliderId = `${id}-step`;
  return (
    <figure className={styles.figure} data-testid="heap-picture" data-target={heap.target}>
      <div className={styles.controls}>
        {steps.length > 1 ? (
          <>
            <label htmlFor={sliderId}>Statement</label>
            <input
              id={sliderId}
              type="range"
              min={0}
              max={steps.length - 1}
              step={1}
              value={index}
              aria-valuetext={`${index + 1} of ${steps.length}, ${stepTitle(step)}`}
              onChange={(event) => setIndex(Number(event.currentTarget.value))}
              data-testid="heap-step"
            />
            <span className={styles.step}>
              {index + 1} / {steps.length}
            </span>
          </>
        ) : (
          <span>The heap</span>
        )}
        <span data-testid="heap-step-line">
          {stepTitle(step)}: <code>{step.source}</code>
        </span>
      </div>
      {!heap.complete && (
        <p className={styles.partial}>
          The model refused this example part-way (<code>{heap.refusal}</code>); the steps stop before that statement.
        </p>
      )}
      <div className={styles.scroll}>
        <Picture heap={heap} step={step} titleId={`${id}-title`} descId={`${id}-desc`} />
      </div>
      {step.omitted > 0 && <p className={common.small}>{step.omitted} more objects reachable from the names are not drawn.</p>}
      <Caption heap={heap} />
    </figure>
  );
}
