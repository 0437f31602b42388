import { PRODUCTS, PRODUCT_VERSIONS } from '../../renderer/core/model/product';

/** The product names the app supports, in order, from the core's product table. */
export function supportedProducts(): string[] {
  return PRODUCT_VERSIONS.map((id) => PRODUCTS[id].name);
}

/** The text of the About box: the app's version and the product versions it supports. */
export function aboutBox(
  appVersion: string,
  runtime: { readonly electron: string; readonly chrome: string; readonly node: string },
): { title: string; message: string; detail: string } {
  return {
    title: 'About lync-runbook',
    message: `lync-runbook ${appVersion}`,
    detail: [
      'A runbook assistant for deploying several servers at once: it keeps Step 3 (certificates) from going ahead on a server whose local configuration store predates the OAuthTokenIssuer certificate.',
      '',
      'Supports:',
      ...supportedProducts().map((name) => `  • ${name}`),
      '',
      `Electron ${runtime.electron} · Chromium ${runtime.chrome} · Node.js ${runtime.node}`,
    ].join('\n'),
  };
}
