/** What a benchmark module returns: named figures, each with its unit. */
export interface BenchFigure {
  readonly value: number;
  readonly unit: string;
  readonly note?: string;
}

export interface BenchReport {
  readonly name: string;
  readonly figures: Readonly<Record<string, BenchFigure>>;
}

/** Median of a few timings: the machine is shared and noisy, one run says little. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
