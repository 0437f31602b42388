/** Checks of host and domain names, written as an admin would want them explained. */

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** The example a problem gives, fitting what is named: a server, a pool or a SIP domain. */
export const FQDN_EXAMPLES = {
  server: 'fe01.contoso.local',
  pool: 'fepool.contoso.local',
  domain: 'contoso.com',
} as const;

/** Why a name is not a fully qualified domain name, or null when it is one. */
export function fqdnProblem(value: string, example: string = FQDN_EXAMPLES.server): string | null {
  if (value.length === 0) return 'is empty';
  if (value !== value.trim()) return 'has spaces before or after it';
  if (value.length > 253) return `is ${value.length} characters long; an FQDN has at most 253`;
  if (value.endsWith('.')) return 'ends with a dot; write it without the trailing dot';
  const labels = value.split('.');
  if (labels.length < 2) return `is a single name; give the full name with its domain (for example ${example})`;
  for (const label of labels) {
    if (label.length === 0) return 'has two dots in a row';
    if (label.length > 63)
      return `has a part of ${label.length} characters ("${label.slice(0, 12)}…"); each part has at most 63`;
    if (!LABEL.test(label)) {
      return `has a part "${label}" that is not allowed: use letters, digits and hyphens, not starting or ending with a hyphen`;
    }
  }
  if (/^[0-9]+$/.test(labels[labels.length - 1] ?? ''))
    return "looks like an IP address; give the server's name, not its address";
  return null;
}

/** The canonical form used for comparisons and ids: FQDNs are case-insensitive. */
export function normalizeFqdn(value: string): string {
  return value.trim().toLowerCase();
}

/** Case-insensitive FQDN equality. */
export function sameFqdn(a: string, b: string): boolean {
  return normalizeFqdn(a) === normalizeFqdn(b);
}

/** The first label of an FQDN ("fe01" for fe01.contoso.local), for compact display. */
export function shortName(fqdn: string): string {
  return fqdn.split('.')[0] ?? fqdn;
}
