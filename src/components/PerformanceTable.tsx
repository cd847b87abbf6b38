/** The Performance page: the figures of results/bench.json, grouped by report, with the machine. */
import type { ReactElement } from 'react';
import type { PerformanceData } from '../data/types';
import NoResults from './NoResults';

function format(value: number): string {
  return Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(2);
}

export default function PerformanceTable({ data }: { data: PerformanceData }): ReactElement {
  if (!data.present || data.machine === null) return <NoResults what="benchmarks (results/bench.json): no benchmark was run" command="npm run bench" />;
  // Array.from, not spread: the site's Babel preset compiles spread of a Set loosely (into [set]).
  const reports = Array.from(new Set(data.figures.map((figure) => figure.report)));
  return (
    <>
      <p data-testid="bench-machine">
        Measured on {data.date}, on this machine:{' '}
        {Object.entries(data.machine)
          .map(([key, value]) => `${key} ${value}`)
          .join(', ')}
        . One run on a shared machine: compare figures within this page, not with other machines.
      </p>
      <p data-testid="bench-source">
        {data.source === 'recorded'
          ? `No benchmark ran in this build: these are the figures recorded in bench/recorded.json by the last \`npm run bench\`${data.commit ? `, at commit ${data.commit}` : ''}.`
          : `From this checkout's \`npm run bench\`${data.commit ? ` (commit ${data.commit})` : ''}.`}
      </p>
      {reports.map((report) => (
        <section key={report}>
          <h2>{report}</h2>
          <table>
            <thead>
              <tr>
                <th>measure</th>
                <th>value</th>
                <th>note</th>
              </tr>
            </thead>
            <tbody>
              {data.figures
                .filter((figure) => figure.report === report)
                .map((figure) => (
                  <tr key={figure.name}>
                    <td>{figure.name}</td>
                    <td>
                      {format(figure.value)} {figure.unit}
                    </td>
                    <td>{figure.note || null}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
