/** The Performance page's data: the figures of results/bench.json, with the machine they were measured on. */
import type { PerformanceData } from '../../src/data/types';
import type { BenchResults } from './results';

export function buildPerformance(bench: BenchResults | null): PerformanceData {
  if (!bench) return { present: false, date: null, machine: null, figures: [] };
  return {
    present: true,
    date: bench.date,
    machine: bench.machine,
    figures: bench.reports.flatMap((report) =>
      Object.entries(report.figures).map(([name, figure]) => ({ report: report.name, name, value: figure.value, unit: figure.unit, note: figure.note ?? null })),
    ),
  };
}
