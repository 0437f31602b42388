import { deploymentErrors } from '../model/validate';
import { cmsFrontEnds, findServer, normalizeDeployment, type Server } from '../model/deployment';
import { PRODUCTS } from '../model/product';
import type { CheckedContext, ScriptContext } from './script';
import {
  showValue,
  validateFqdn,
  validateIsoDate,
  validateThumbprint,
  validateWindowsPath,
  validateZipPath,
  type Validated,
} from './validators';

/** Where the export goes when the admin does not say: a folder of its own on the system drive. */
export const DEFAULT_EXPORT_PATH = 'C:\\CsConfig\\CsConfiguration.zip';
/** How long the wait for event 3038 lasts by default; replication can take minutes (lync-reference §1.3). */
export const DEFAULT_WAIT_MINUTES = 15;

/** The validated form of a context, or every message about what is wrong in it. */
export type CheckedContextResult =
  { readonly ok: true; readonly value: CheckedContext } | { readonly ok: false; readonly errors: readonly string[] };

function isInternal(server: Server): boolean {
  return server.role !== 'edge';
}

/** The internal server that exports for the file route: the admin's choice, else where OAuth was assigned, else the CMS pool. */
function defaultSource(deployment: CheckedContext['deployment'], oauthServer: string | null): Server | null {
  const oauthHost = oauthServer === null ? undefined : findServer(deployment, oauthServer);
  if (oauthHost !== undefined && isInternal(oauthHost)) return oauthHost;
  return cmsFrontEnds(deployment)[0] ?? deployment.servers.find(isInternal) ?? null;
}

/**
 * Checks and normalises everything a script may be built from: the deployment (model/validate), the
 * OAuth assignment and every option. Nothing reaches a script before this has passed.
 */
export function checkContext(context: ScriptContext): CheckedContextResult {
  const errors: string[] = [];
  const take = <T>(result: Validated<T>): T | null => {
    if (result.ok) return result.value;
    errors.push(result.error);
    return null;
  };

  const deploymentProblems = deploymentErrors(context.deployment).map((p) => p.message);
  if (deploymentProblems.length > 0) return { ok: false, errors: deploymentProblems };
  const deployment = normalizeDeployment(context.deployment);

  let oauth: CheckedContext['oauth'] = null;
  if (context.oauth !== null) {
    const server = take(
      validateFqdn(context.oauth.server, 'The server where the OAuthTokenIssuer certificate was assigned'),
    );
    const at = take(validateIsoDate(context.oauth.at, 'The time the OAuthTokenIssuer certificate was assigned'));
    const thumbprint =
      context.oauth.thumbprint === null
        ? null
        : take(validateThumbprint(context.oauth.thumbprint, 'The OAuthTokenIssuer thumbprint'));
    if (server !== null && at !== null) oauth = { server, at, thumbprint };
  }

  const options = context.options ?? {};
  const route = options.route ?? 'bytes';
  if (route !== 'bytes' && route !== 'file')
    errors.push(`The export route ${showValue(String(route))} is not one the app knows; choose "bytes" or "file".`);
  const exportPath =
    take(validateZipPath(options.exportPath ?? DEFAULT_EXPORT_PATH, 'The export file')) ?? DEFAULT_EXPORT_PATH;
  const importPath = take(validateZipPath(options.importPath ?? exportPath, 'The file to import')) ?? exportPath;
  const copyTo =
    options.copyTo === undefined ? null : take(validateWindowsPath(options.copyTo, 'The folder to copy the export to'));

  const waitMinutes = options.waitMinutes ?? DEFAULT_WAIT_MINUTES;
  if (!Number.isInteger(waitMinutes) || waitMinutes < 1 || waitMinutes > 120) {
    errors.push(
      `The wait for event 3038 (${String(waitMinutes)} minutes) must be a whole number of minutes from 1 to 120.`,
    );
  }

  let sourceServer = defaultSource(deployment, oauth?.server ?? null);
  if (options.sourceServer !== undefined) {
    const fqdn = take(validateFqdn(options.sourceServer, 'The server to export from'));
    if (fqdn !== null) {
      const chosen = findServer(deployment, fqdn);
      if (chosen === undefined)
        errors.push(
          `The server to export from, ${fqdn}, is not in this deployment; pick one of its Front End, Standard Edition or Director servers.`,
        );
      else if (!isInternal(chosen))
        errors.push(
          `The server to export from, ${fqdn}, is an Edge Server, which has no access to the Central Management Store; pick an internal server.`,
        );
      else sourceServer = chosen;
    }
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      deployment,
      product: PRODUCTS[deployment.product],
      oauth,
      route,
      exportPath,
      importPath,
      copyTo,
      sourceServer,
      waitMinutes,
    },
  };
}
