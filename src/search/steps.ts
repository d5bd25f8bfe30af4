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
 * Runs `steps` to the end, letting the event loop turn (timers, I/O, Discord heartbeats) after each step.
 * @example await finishInSteps((function* () { yield; return 2; })()) // => 2
 */
export async function finishInSteps<T>(steps: Steps<T>): Promise<T> {
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    await nextTurn();
  }
}
