/** The sections of a generated invariant page (docs/spec/<family>/<id>.mdx); all data comes from src/generated/. */
import Link from '@docusaurus/Link';
import CodeBlock from '@theme/CodeBlock';
import type { ReactElement } from 'react';
import type { ExampleView, HoldsView, InvariantPageData, LayerResultView, SourceLink } from '../../data/types';
import HeapPicture from '../HeapPicture';
import NoResults from '../NoResults';
import OutcomeBlock from '../OutcomeBlock';
import { playgroundLink } from '../../playground/url-state';
import styles from '../styles.module.css';

export const EXAMPLES_COMMAND = 'npx vitest run --project properties properties/examples.test.ts';
export const PROPERTIES_COMMAND = 'npx vitest run --project properties properties/invariants.test.ts';

export function Guarantee({ guarantee }: { guarantee: 'language' | 'cpython' }): ReactElement {
  return guarantee === 'language' ? (
    <div className={`${styles.badge} ${styles.badgeLanguage}`} data-guarantee="language">
      Language guarantee: the Python Language Reference promises this of every implementation.
    </div>
  ) : (
    <div className={`${styles.badge} ${styles.badgeCpython}`} data-guarantee="cpython">
      CPython implementation detail: not promised by the language; other implementations may differ.
    </div>
  );
}

const PYPY_STATUS_TEXT: Record<InvariantPageData['pypy']['status'], string> = {
  holds: 'holds on PyPy as on CPython',
  differs: 'PyPy behaves otherwise',
  unmeasured: 'not yet measured on PyPy',
};

/** What the entry says of PyPy, and what the PyPy runs showed (with the program that shows a difference). */
export function OnPypy({ data }: { data: InvariantPageData }): ReactElement {
  const runs = data.results.filter((result) => result.implementation !== null);
  return (
    <div data-testid="on-pypy" data-pypy-expectation={data.pypy.status}>
      <p>
        <strong>On PyPy:</strong> {PYPY_STATUS_TEXT[data.pypy.status]}
        {data.guarantee === 'language' && ' (a language guarantee must hold on every implementation)'}.
      </p>
      {data.pypy.behaviour && <Statement text={data.pypy.behaviour} />}
      {runs.length === 0 && <p className={styles.small}>No PyPy runs in these results (no PyPy was found where they were produced).</p>}
      {runs.map((result) => {
        const impl = result.implementation;
        if (impl === null) return null;
        const verdict =
          result.status === 'fail'
            ? 'FAILED: the runs contradict what the spec says of PyPy'
            : impl.observed === null
              ? `not applicable (${impl.reason ?? 'no program applies'})`
              : impl.observed === 'differs'
                ? `confirmed: a program breaks the CPython rule on ${result.target}`
                : `confirmed: all ${result.runs} programs keep the rule on ${result.target}`;
        return (
          <div key={result.target} data-target={result.target} data-observed={impl.observed ?? 'none'}>
            <p className={styles.small}>
              <code>{result.target}</code>: {verdict}
              {impl.notApplicable > 0 && `; ${impl.notApplicable} programs used a CPython-only API and were not run`}.
            </p>
            {impl.evidence && (
              <>
                <CodeBlock language="python">{impl.evidence.program}</CodeBlock>
                {impl.evidence.outputs.map(({ target, outcome }) => (
                  <div key={target}>
                    <p className={styles.small}>
                      <code>{target}</code> printed:
                    </p>
                    <OutcomeBlock outcome={outcome} />
                  </div>
                ))}
                <p className={styles.small}>The CPython rule says: {impl.evidence.violation}</p>
              </>
            )}
          </div>
        );
      })}
    </div>
  );
}

/** Plain text with `code` spans. */
export function Statement({ text }: { text: string }): ReactElement {
  return <p>{text.split(/(`[^`]+`)/).map((part, i) => (part.startsWith('`') && part.endsWith('`') ? <code key={i}>{part.slice(1, -1)}</code> : part))}</p>;
}

function rangeText(range: HoldsView): string {
  return range.until === null ? `${range.since} and later` : `${range.since} up to (not including) ${range.until}`;
}

export function WhereItHolds({ data }: { data: InvariantPageData }): ReactElement {
  return (
    <>
      <table>
        <thead>
          <tr>
            <th>CPython versions</th>
            <th>platforms</th>
            <th>otherwise</th>
          </tr>
        </thead>
        <tbody>
          {data.holds.map((range, i) => (
            <tr key={i}>
              <td>{rangeText(range)}</td>
              <td>{range.platforms.join(', ')}</td>
              <td>{range.otherwise ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.regimes.length > 0 && (
        <>
          <p>The behaviour has {data.regimes.length} regimes across versions:</p>
          <table data-testid="regimes">
            <thead>
              <tr>
                <th>regime</th>
                <th>behaviour</th>
                <th>versions</th>
                <th>targets in the results</th>
              </tr>
            </thead>
            <tbody>
              {data.regimes.map((regime) => (
                <tr key={regime.id}>
                  <td>
                    <code>{regime.id}</code>
                  </td>
                  <td>{regime.description}</td>
                  <td>{regime.ranges.map((range) => `${rangeText(range)} (${range.platforms.join(', ')})`).join('; ')}</td>
                  <td className={styles.small}>{regime.targets.join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {data.notApplicable.length > 0 && (
        <p className={styles.small}>Not checked, because the spec says it does not hold there: {data.notApplicable.join(', ')}.</p>
      )}
    </>
  );
}

export function SourceList({ sources }: { sources: readonly SourceLink[] }): ReactElement {
  if (sources.length === 0) return <p>No CPython source is cited.</p>;
  return (
    <ul>
      {sources.map((source) => (
        <li key={`${source.tag}:${source.file}:${source.symbol}`}>
          <code>{source.symbol}</code> in <a href={source.url}>{source.file}</a> at <code>{source.tag}</code>
        </li>
      ))}
    </ul>
  );
}

export function ExampleRuns({ example, generatedAt }: { example: ExampleView; generatedAt: string | null }): ReactElement {
  const hasModel = example.rows.some((row) => row.model !== null);
  return (
    <div data-testid="example">
      <CodeBlock language="python">{example.source}</CodeBlock>
      <p className={styles.small}>
        <Link to={playgroundLink(example.source)} data-testid="open-in-playground">
          Open in the playground
        </Link>{' '}
        to edit it and run it on the model and on real CPython in your browser.
      </p>
      {example.rows.length === 0 ? (
        <NoResults what="the outputs of this example" command={EXAMPLES_COMMAND}>
          {generatedAt !== null && ' (the results file exists but has no run of this exact source: the example changed since the last run)'}
        </NoResults>
      ) : (
        <>
          <table className={styles.runs}>
            <thead>
              <tr>
                <th>target</th>
                <th>real CPython prints</th>
                <th>model prints</th>
              </tr>
            </thead>
            <tbody>
              {example.rows.map((row) => (
                <tr key={row.target.name} data-target={row.target.name} data-kind={row.target.kind}>
                  <td>
                    <code>{row.target.name}</code>
                    <div className={styles.small}>
                      {[row.target.version, row.target.platform].filter(Boolean).join(' ') || 'version unknown'}
                      {row.differsFromMost && <strong> · differs from most targets</strong>}
                    </div>
                  </td>
                  <td className={row.differsFromMost ? styles.differs : undefined}>
                    <OutcomeBlock outcome={row.real} />
                  </td>
                  <td className={row.model === null ? styles.notRun : row.model.refused ? styles.refused : row.agrees ? styles.pass : styles.fail}>
                    {row.model === null ? (
                      <span>no model run recorded</span>
                    ) : (
                      <>
                        <OutcomeBlock outcome={row.model} />
                        <div className={styles.small}>
                          <code>{row.modelTarget}</code> {row.model.refused ? '' : row.agrees ? '· same as real' : '· DIFFERS from real'}
                        </div>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {!hasModel && (
            <p className={styles.small}>The results hold no model runs for this example (the model was not run when they were produced).</p>
          )}
          <HeapPicture heap={example.heap} />
        </>
      )}
    </div>
  );
}

function duration(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

function Failure({ result }: { result: LayerResultView }): ReactElement | null {
  const failure = result.failure;
  if (!failure) return null;
  return (
    <div data-testid="counterexample">
      <h4>
        Counterexample: {result.layer} layer, <code>{result.target}</code>
      </h4>
      <p>{failure.violation}</p>
      <p className={styles.small}>Runnable Python (paste into python3):</p>
      <CodeBlock language="python">{failure.program}</CodeBlock>
      <table className={styles.runs}>
        <thead>
          <tr>
            <th>target</th>
            <th>output</th>
          </tr>
        </thead>
        <tbody>
          {failure.outputs.map(({ target, outcome }) => (
            <tr key={target}>
              <td>
                <code>{target}</code>
              </td>
              <td>
                <OutcomeBlock outcome={outcome} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={styles.small}>
        Seed {result.seed}, shrink path <code>{failure.path || '(none)'}</code>. Replay: <code>{failure.replay}</code>
      </p>
    </div>
  );
}

export function PropertyResults({ data }: { data: InvariantPageData }): ReactElement {
  if (data.run === null) return <NoResults what="property results" command={PROPERTIES_COMMAND} />;
  if (data.results.length === 0) {
    return <NoResults what={`property results for ${data.id}`} command={`${PROPERTIES_COMMAND} -t "${data.id}"`} />;
  }
  const layers = new Set(data.results.map((result) => result.layer));
  const missing = (['model', 'real', 'agreement'] as const).filter((layer) => !layers.has(layer));
  return (
    <>
      <p>
        Run of {data.run.generatedAt}, base seed <code>{data.run.seed}</code>
        {data.run.scale !== 1 && `, ${data.run.scale}× runs`}. Each layer draws its own cases from a seed derived from it.
      </p>
      {missing.length > 0 && <p className={styles.small}>No {missing.join(' or ')} layer results in this run.</p>}
      <table className={styles.runs} data-testid="property-results">
        <thead>
          <tr>
            <th>layer</th>
            <th>target</th>
            <th>status</th>
            <th>runs</th>
            <th>seed</th>
            <th>time</th>
          </tr>
        </thead>
        <tbody>
          {data.results.map((result) => (
            <tr key={`${result.layer} ${result.target}`} data-layer={result.layer} data-status={result.status}>
              <td>{result.layer}</td>
              <td>
                <code>{result.target}</code>
              </td>
              <td className={result.status === 'pass' ? styles.pass : result.status === 'fail' ? styles.fail : styles.na}>
                {result.status === 'pass' ? 'pass' : result.status === 'fail' ? 'FAIL' : 'n/a'}
                {result.implementation?.observed === 'differs' && ' (PyPy differs, as the spec says)'}
              </td>
              <td>{result.runs}</td>
              <td>
                <code>{result.seed}</code>
              </td>
              <td>{duration(result.durationMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.results.map((result) => (
        <Failure key={`failure ${result.layer} ${result.target}`} result={result} />
      ))}
    </>
  );
}

export function Provenance({ data }: { data: InvariantPageData }): ReactElement {
  return (
    <p className={styles.small}>
      Generated from <code>{data.specFile}</code>
      {data.propertyFile && (
        <>
          {' '}
          and <code>{data.propertyFile}</code>
        </>
      )}
      {data.examplesGeneratedAt && <> ; example outputs from results/examples.json of {data.examplesGeneratedAt}</>}.
    </p>
  );
}
