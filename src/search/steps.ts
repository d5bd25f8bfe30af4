/**
 * Work split into steps: a generator that yields between steps. The same generator runs to the end at once
 * ({@link finishNow}) or over several turns of the event loop ({@link finishInSteps}), so the two cannot drift apart.
 */
export type Steps<T> = Generator<void, T>;

/**
 * Runs `steps` to the end without pausing.
 * @example finishNow((function* () { yield; return 2; })()) // => 2
 */
export function finishNow<T>(steps: Steps<T>): T {
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * Lets the event loop turn once (timers, I/O, Discord heartbeats) before going on.
 * @example await nextTurn()
 */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Longest a run of steps holds the event loop before {@link finishInSteps} lets it turn: short enough that an
 * interaction arriving meanwhile waits no longer than a quick answer takes; long enough that the turns themselves
 * (a setImmediate each) cost little. Generators yield often (every few hundred items); the runner decides when to turn.
 */
export const STEP_BUDGET_MS = 8;

/**
 * Runs `steps` to the end, letting the event loop turn (timers, I/O, Discord heartbeats, interactions) whenever
 * `budgetMs` has passed since it last did, at the generator's next yield.
 * @example await finishInSteps((function* () { yield; return 2; })()) // => 2
 */
export async function finishInSteps<T>(steps: Steps<T>, budgetMs: number = STEP_BUDGET_MS): Promise<T> {
  let since = performance.now();
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    if (performance.now() - since < budgetMs) continue;
    await nextTurn();
    since = performance.now();
  }
}
