/**
 * Focus is never dropped on the page body (issue 15, bug 7). Most main actions replace the part of
 * the screen that holds the button pressed (a form closes once its step is recorded, a gate panel
 * gives way to Step 3 once evidence is accepted): the browser then puts the focus on the body, and a
 * keyboard user starts again from the top. When the focused element leaves the page, the focus goes
 * to the nearest part of the screen still there: the closest remaining ancestor's heading (made
 * focusable for this), or its first control.
 */
const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function ancestorsOf(node: Element): Element[] {
  const out: Element[] = [];
  for (let e = node.parentElement; e !== null; e = e.parentElement) out.push(e);
  return out;
}

/** Where the focus goes when it was lost inside `place`: its heading, or else its first control. */
function landingIn(place: Element): HTMLElement | null {
  const heading = place.matches('h1, h2, h3, h4') ? place : place.querySelector('h1, h2, h3, h4');
  if (heading instanceof HTMLElement) {
    if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
    return heading;
  }
  const control = place.querySelector(FOCUSABLE);
  return control instanceof HTMLElement ? control : null;
}

/**
 * Starts rescuing the focus in `doc`; returns the way to stop. The focused element and its ancestors
 * are noted as the focus moves (a removed element fires no event in every browser); when the page
 * changes and the focus is on the body because that element left, it goes to the nearest ancestor
 * still there.
 */
export function installFocusRescue(doc: Document): () => void {
  let focused: { element: Element; ancestors: Element[] } | null = null;
  const onFocusIn = (event: FocusEvent) => {
    if (event.target instanceof Element && event.target !== doc.body)
      focused = { element: event.target, ancestors: ancestorsOf(event.target) };
  };
  const rescue = () => {
    if (focused === null || focused.element.isConnected) return;
    if (doc.activeElement !== null && doc.activeElement !== doc.body) return;
    const { ancestors } = focused;
    focused = null;
    for (const place of ancestors) {
      if (!place.isConnected || place === doc.body || place === doc.documentElement) continue;
      const landing = landingIn(place);
      if (landing !== null) {
        landing.focus();
        return;
      }
    }
  };
  const observer = new MutationObserver(rescue);
  observer.observe(doc.body, { childList: true, subtree: true });
  doc.addEventListener('focusin', onFocusIn, true);
  return () => {
    observer.disconnect();
    doc.removeEventListener('focusin', onFocusIn, true);
  };
}
