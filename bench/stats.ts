export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/** One line per figure: `name: value unit (note)`, the format `npm run bench` promises. */
export function printFigure(name: string, value: number, unit: string, note = ''): void {
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 3 : 1);
  console.log(`${name}: ${shown} ${unit}${note ? ` (${note})` : ''}`);
}

/** Times `fn` `runs` times after `warm` untimed runs (ms each, awaited one after the other). */
export async function timeRuns(runs: number, warm: number, fn: () => Promise<unknown> | unknown): Promise<number[]> {
  for (let i = 0; i < warm; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** A linear congruential generator from a seed, numbers in [0, 1): the same seed, the same day set. */
export function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}
