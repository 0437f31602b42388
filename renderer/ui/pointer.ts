/**
 * Changes that move the layout wait for the pointer: a field's message shown when it loses focus
 * would push the button that took the focus away from under the pointer between its press and its
 * release, and the click would be lost. `whenPointerReleased` runs its function at once, or, while
 * the primary button (or a touch) is pressed, just after that click has been delivered. A press of
 * another button (a context menu) clicks nothing and defers nothing.
 */
let pressed = false;
let watching = false;
const pending: (() => void)[] = [];

function release(): void {
  if (!pressed) return;
  pressed = false;
  const waiting = pending.splice(0);
  // The click follows the pointer's release: let it reach its button first.
  if (waiting.length > 0) setTimeout(() => waiting.forEach((run) => run()), 0);
}

function watch(): void {
  if (watching || typeof document === 'undefined') return;
  watching = true;
  document.addEventListener(
    'pointerdown',
    (event) => {
      if (event.button === 0) pressed = true;
    },
    true,
  );
  document.addEventListener('pointerup', release, true);
  document.addEventListener('pointercancel', release, true);
  // A release outside the window never arrives: leaving the window ends the press.
  window.addEventListener('blur', release);
}

/** Runs `run` now, or after the pressed pointer is released and its click delivered. */
export function whenPointerReleased(run: () => void): void {
  watch();
  if (pressed) pending.push(run);
  else run();
}

/** Starts watching the pointer (before the first blur that may need it). */
export function watchPointer(): void {
  watch();
}
