/**
 * What an override of the Step 3 gate must say (issue 14): what was checked, and under which change or
 * ticket, each with a useful minimum, so "ok" is not a reason a change-advisory board reads.
 */

/** The shortest account of what was checked. */
export const OVERRIDE_CHECKED_MIN = 20;
/** The shortest change or ticket reference ("CHG-1" is five). */
export const OVERRIDE_CHANGE_MIN = 3;
/** The shortest reason for withdrawing an override. */
export const WITHDRAWAL_REASON_MIN = 10;

/**
 * The change of an override recorded before version 7, which did not ask for one: set by the
 * migration only, shown as not recorded, and never taken from a command.
 */
export const OVERRIDE_CHANGE_NOT_ASKED = 'not recorded (an earlier version of lync-runbook did not ask)';

/** What an override lets through, said before it is recorded. */
export function overrideConsequence(server: string): string {
  return `Step 3 will go ahead on ${server}, whose local store the app believes stale: the Certificate Wizard there may not show the OAuthTokenIssuer certificate, and the runbook will say the gate was overridden, not proven.`;
}

/** Why what an override says is not enough, or null (legacy overrides keep the one rule they had: a reason). */
export function overrideSubstanceRefusal(reason: string, change: string): string | null {
  if (change === OVERRIDE_CHANGE_NOT_ASKED) return reason.trim() === '' ? 'An override needs a written reason.' : null;
  if (reason.trim().length < OVERRIDE_CHECKED_MIN)
    return `Say what was checked, in at least ${OVERRIDE_CHECKED_MIN} characters (for example "Get-CsCertificate on fe02 shows the OAuthTokenIssuer thumbprint"): an override is read by whoever approves the change.`;
  if (change.trim().length < OVERRIDE_CHANGE_MIN || !/[A-Za-z0-9]/.test(change))
    return `Give the change or ticket this override is approved under, at least ${OVERRIDE_CHANGE_MIN} characters (for example CHG-9999).`;
  return null;
}
