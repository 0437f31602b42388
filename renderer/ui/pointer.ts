/**
 * Changes that move the layout wait for the pointer: a field's message shown when it loses focus
 * would push the button that took the focus away from under the pointer between its press and its
 * release, and the click would be lost. `whenPointerReleased` runs its function at once, or, while
 * a pointer is pressed, just after that click has been delivered.
 */
let pressed = false;
let watching = false;

function watch(): void {
  if (watching || typeof document === 'undefined') return;
  watching = true;
  document.addEventListener('pointerdown', () => (pressed = true), true);
  const release = () => (pressed = false);
  document.addEventListener('pointerup', release, true);
  document.addEventListener('pointercancel', release, true);
  // A release outside the window never arrives: leaving the window ends the press.
  window.addEventListener('blur', release);
}

/** Runs `run` now, or after the pressed pointer is released and its click delivered. */
export function whenPointerReleased(run: () => void): void {
  watch();
  if (!pressed) {
    run();
    return;
  }
  const after = () => {
    document.removeEventListener('pointerup', after, true);
    document.removeEventListener('pointercancel', after, true);
    // The click follows the pointer's release: let it reach its button first.
    setTimeout(run, 0);
  };
  document.addEventListener('pointerup', after, true);
  document.addEventListener('pointercancel', after, true);
}

/** Starts watching the pointer (before the first blur that may need it). */
export function watchPointer(): void {
  watch();
}
