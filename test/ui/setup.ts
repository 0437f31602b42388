import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// jsdom has no matchMedia; the theme hook asks for it. Light theme, no forced colours.
if (typeof window !== 'undefined' && window.matchMedia === undefined) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      addListener: () => undefined,
      removeListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

afterEach(() => cleanup());

// jsdom has no ResizeObserver; Fluent's message bar measures itself with one.
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  class NoResize {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  (window as unknown as { ResizeObserver: typeof NoResize }).ResizeObserver = NoResize;
}

// jsdom has no idle time: what the app does while idle (fetching the views' code ahead of use,
// working out the saved text ahead of a save) never runs here, so it cannot outlive a test. Views
// load when first shown (tests wait for them), saved text when first saved.
if (typeof window !== 'undefined' && !('requestIdleCallback' in window)) {
  (window as unknown as { requestIdleCallback: () => number }).requestIdleCallback = () => 0;
}
