// The focus is never dropped on the page body when the focused control leaves the page (issue 15,
// bug 7): it goes to the nearest remaining ancestor's heading, or its first control.
import { afterEach, describe, expect, it } from 'vitest';
import { installFocusRescue } from '../../renderer/ui/focus-rescue';

let stop: () => void = () => undefined;
afterEach(() => {
  stop();
  document.body.innerHTML = '';
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('focus rescue', () => {
  it('moves the focus to the nearest heading still there when the focused button goes', async () => {
    document.body.innerHTML = `<article><h2>fe02</h2><ol><li id="step"><h3>Step 3</h3><div id="form"><button id="mark">Mark Step 3 done</button></div></li></ol></article>`;
    stop = installFocusRescue(document);
    document.getElementById('mark')!.focus();
    document.getElementById('form')!.remove();
    await settle();
    expect(document.activeElement?.textContent).toBe('Step 3');
    expect(document.activeElement?.getAttribute('tabindex')).toBe('-1');
  });

  it('goes to the first control when there is no heading, and leaves a focus the admin moved alone', async () => {
    document.body.innerHTML = `<div id="bar"><button id="a">Cancel</button><span id="slot"><button id="b">Record</button></span></div><input id="other" />`;
    stop = installFocusRescue(document);
    document.getElementById('b')!.focus();
    document.getElementById('slot')!.remove();
    await settle();
    expect(document.activeElement?.id).toBe('a');
    // A control that stays: nothing is moved when the focus leaves it.
    document.getElementById('other')!.focus();
    (document.activeElement as HTMLElement).blur();
    document.getElementById('bar')!.append(document.createElement('p'));
    await settle();
    expect(document.activeElement).toBe(document.body);
  });
});
