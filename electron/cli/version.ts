/** The program's version: put in by the build from package.json. */
declare const __LYNC_RUNBOOK_VERSION__: string | undefined;

/** The version printed by --version ("0.0.0-dev" when run unbundled). */
export const VERSION: string = typeof __LYNC_RUNBOOK_VERSION__ === 'string' ? __LYNC_RUNBOOK_VERSION__ : '0.0.0-dev';
