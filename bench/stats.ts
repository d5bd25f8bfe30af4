/** Small numeric helpers of the benchmark. */

/** The `p`-th percentile (0-100) of `values`, nearest-rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Heap in use after a full collection (needs `--expose-gc`), in MB: JS heap, and JS heap plus array buffers. */
export function heapMb(): { heap: number; withBuffers: number } {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect) {
    collect();
    collect();
  }
  const usage = process.memoryUsage();
  return { heap: usage.heapUsed / 1e6, withBuffers: (usage.heapUsed + usage.arrayBuffers) / 1e6 };
}
