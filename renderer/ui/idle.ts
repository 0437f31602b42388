/** Runs `run` when the page is next idle (soon after, where the browser cannot say when it is idle). */
export function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => run());
  else setTimeout(run, 0);
}
