/**
 * The Performance page's data: the figures of results/bench.json (or, where no benchmark ran,
 * of the committed bench/recorded.json), with the machine and commit they were measured on.
 */
import type { PerformanceData } from '../../src/data/types';
import type { BenchResults } from './results';

export function buildPerformance(found: { bench: BenchResults; source: 'results' | 'recorded' } | null): PerformanceData {
  if (!found) return { present: false, date: null, machine: null, commit: null, source: null, figures: [] };
  const { bench, source } = found;
  return {
    present: true,
    date: bench.date,
    machine: bench.machine,
    commit: bench.commit ?? null,
    source,
    figures: bench.reports.flatMap((report) =>
      Object.entries(report.figures).map(([name, figure]) => ({ report: report.name, name, value: figure.value, unit: figure.unit, note: figure.note ?? null })),
    ),
  };
}
