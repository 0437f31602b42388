// Layout changes wait for the primary button's click (issue 15, bug 4): deferred while it is
// pressed, run once after its release or when the window loses it; other buttons defer nothing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchPointer, whenPointerReleased } from '../../renderer/ui/pointer';

const press = (type: string, button = 0) => document.dispatchEvent(new MouseEvent(type, { button, bubbles: true }));

afterEach(() => vi.useRealTimers());

describe('whenPointerReleased', () => {
  it('runs at once when nothing is pressed, and after the release of a primary press', () => {
    vi.useFakeTimers();
    watchPointer();
    const ran: string[] = [];
    whenPointerReleased(() => ran.push('now'));
    expect(ran).toEqual(['now']);
    press('pointerdown');
    whenPointerReleased(() => ran.push('first'));
    whenPointerReleased(() => ran.push('second'));
    expect(ran).toEqual(['now']);
    press('pointerup');
    // After the click the release brings.
    expect(ran).toEqual(['now']);
    vi.runAllTimers();
    expect(ran).toEqual(['now', 'first', 'second']);
    vi.runAllTimers();
    expect(ran).toEqual(['now', 'first', 'second']);
  });

  it('does not wait for a secondary button, and ends a press when the window loses it', () => {
    vi.useFakeTimers();
    watchPointer();
    const ran: string[] = [];
    press('pointerdown', 2);
    whenPointerReleased(() => ran.push('right'));
    expect(ran).toEqual(['right']);
    press('pointerup', 2);
    press('pointerdown');
    whenPointerReleased(() => ran.push('left'));
    window.dispatchEvent(new Event('blur'));
    vi.runAllTimers();
    expect(ran).toEqual(['right', 'left']);
    whenPointerReleased(() => ran.push('after'));
    expect(ran).toEqual(['right', 'left', 'after']);
  });
});
