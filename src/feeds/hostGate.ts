/**
 * At most one request at a time per host: each host's tasks run one after another, different hosts in parallel.
 * Politeness towards one server matters more than the speed of a poll.
 * @example const gate = new HostGate(); await gate.run('https://a.org/rss', () => fetchResource(…))
 */
export class HostGate {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Runs `task` when every earlier task for the same host has settled. */
  run<T>(url: string, task: () => Promise<T>): Promise<T> {
    let host: string;
    try {
      host = new URL(url).host.toLowerCase();
    } catch {
      host = url;
    }
    const previous = this.tails.get(host) ?? Promise.resolve();
    const next = previous.then(task, task);
    const tail = next.catch(() => undefined);
    this.tails.set(host, tail);
    // Forget an idle host so the map does not grow with every host ever polled.
    void tail.then(() => {
      if (this.tails.get(host) === tail) this.tails.delete(host);
    });
    return next;
  }
}
