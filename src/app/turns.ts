/**
 * Turns for CPU work (a result page made, an assessment, a search), so that cheap requests are
 * answered between them (issue 8: /healthz p99 ≤ 100 ms under load).
 *
 * Node runs each ready socket's request to its first wait before it looks at the next one. Under
 * load (200 connections asking for pages never made before), one turn of the event loop would
 * make 200 pages back to back (~0.5 s), and a /healthz or a static file that arrives meanwhile
 * waits all of it. With turns, a handler parks its costly synchronous part (`await turn()`), and
 * the parked parts run a few milliseconds' worth per turn of the loop; the loop then reads the
 * sockets again. The work and its order (first come, first served) stay the same; only the cheap
 * requests no longer queue behind it.
 *
 * Call `await turn()` immediately before the synchronous work: the time a turn has taken is
 * measured between the parts it lets run, so work after a further `await` is not counted.
 */
export type Turn = () => Promise<void>;

/** Milliseconds of parked work per turn of the event loop before the sockets are read again. */
export const TURN_BUDGET_MS = 8;

export function createTurns(budgetMs = TURN_BUDGET_MS): { turn: Turn; waiting: () => number } {
  const waiting: (() => void)[] = [];
  let scheduled = false;

  const schedule = () => {
    if (scheduled || waiting.length === 0) return;
    scheduled = true;
    setImmediate(runTurn);
  };

  // Each parked part runs as a microtask; the next is let go from a microtask queued after it,
  // so it runs once the previous part has reached its next `await` (or its end).
  function runTurn() {
    scheduled = false;
    const end = performance.now() + budgetMs;
    const next = () => {
      const go = waiting.shift();
      if (!go) return;
      go();
      queueMicrotask(() => (performance.now() < end ? next() : schedule()));
    };
    next();
  }

  return {
    turn: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        schedule();
      }),
    waiting: () => waiting.length,
  };
}
