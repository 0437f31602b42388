import { roleNeedsOAuth, type ServerRole } from '../model/deployment';
import { PRODUCTS, stepTitle, type ProductVersion, type StepNumber } from '../model/product';

/** What to do in the Deployment Wizard for one step, in the wizard's own words (lync-reference §1, §8). */
export interface WizardGuide {
  readonly title: string;
  /** The clicks, in order. */
  readonly actions: readonly string[];
  /** What the admin should see when it worked. */
  readonly success: string;
}

/** The wizard instructions for a step on a server of this role. */
export function wizardGuide(product: ProductVersion, role: ServerRole, step: StepNumber): WizardGuide {
  const p = PRODUCTS[product];
  const open = `Open the Deployment Wizard, then ${p.wizardEntry}.`;
  const title = stepTitle(product, step);
  switch (step) {
    case 1:
      return {
        title,
        actions:
          role === 'edge'
            ? [
                open,
                `${title}: Run.`,
                'In "Configure Local Replica of Central Management store", choose "Import from a file (Recommended for Edge Servers)" and select the configuration .zip exported on an internal server.',
              ]
            : [
                open,
                `${title}: Run (or Run Again).`,
                'Choose "Retrieve directly from the Central Management store" and finish the wizard.',
              ],
        success:
          'The step shows a green check; the local configuration store (RTCLOCAL) holds a copy of the CMS taken now.',
      };
    case 2:
      return {
        title,
        actions: [
          open,
          `${title}: Run.`,
          'Let "Executing Commands" finish. If it asks for a restart, restart and run this step again.',
        ],
        success: 'The step shows a green check and the log shows no errors.',
      };
    case 3:
      return {
        title,
        actions: [
          open,
          `${title}: Run (or Run Again).`,
          roleNeedsOAuth(role)
            ? 'Request or import the certificates this server needs (Default, web services), and make sure OAuthTokenIssuer shows as assigned.'
            : 'Request or import the certificates this role needs (for an Edge Server: internal and external Edge), then assign them.',
        ],
        success: roleNeedsOAuth(role)
          ? 'The Certificate Wizard shows a green check for every usage, including OAuthTokenIssuer.'
          : 'The Certificate Wizard shows a green check for every certificate the role uses.',
      };
    case 4:
      return {
        title,
        actions: [
          open,
          `${title}: Run.`,
          'Then check with "Service Status (Optional)" or the Services console: starting is best effort.',
        ],
        success: "The server's services are Running.",
      };
  }
}
