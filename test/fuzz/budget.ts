import { describeInput } from './arbitraries.js';

/**
 * The time a fuzz property allows each case, measured inside the test. Budgets are generous (tens of times the
 * usual cost) so that a loaded machine does not flake: what they catch is a super-linear path, which costs seconds.
 */
export class TimeBudget {
  /** Slowest case so far, in milliseconds, and its input. */
  worstMs = 0;
  worstInput: unknown = undefined;
  cases = 0;

  constructor(readonly limitMs: number) {}

  /** Runs `run` for `input`, remembering it when it is the slowest case so far. */
  measure<T>(input: unknown, run: () => T): T {
    const started = performance.now();
    try {
      return run();
    } finally {
      this.#record(input, performance.now() - started);
    }
  }

  /** The same for asynchronous work. */
  async measureAsync<T>(input: unknown, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await run();
    } finally {
      this.#record(input, performance.now() - started);
    }
  }

  /** A one-line account of the slowest case, for the failure message. */
  get report(): string {
    return `slowest of ${this.cases} cases took ${this.worstMs.toFixed(1)} ms (budget ${this.limitMs} ms) on ${describeInput(this.worstInput)}`;
  }

  /** True when every case ran within the budget. */
  get within(): boolean {
    return this.worstMs <= this.limitMs;
  }

  #record(input: unknown, ms: number): void {
    this.cases += 1;
    if (ms > this.worstMs) {
      this.worstMs = ms;
      this.worstInput = input;
    }
  }
}
