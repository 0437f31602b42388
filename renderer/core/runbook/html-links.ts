/** Links between runbook entries: each server, evidence entry and script gets an anchor other sections point at. */
import { normalizeFqdn } from '../model/fqdn';
import { code } from './html-text';
import type { Runbook } from './model';

/** Anchors of the entries a link can point at. */
export interface Anchors {
  readonly server: ReadonlyMap<string, string>;
  /** Event seq → anchor of its evidence entry or script. */
  readonly event: ReadonlyMap<number, string>;
}

/** Every anchor of the runbook, computed once so all sections link to the same ids. */
export function anchors(r: Runbook): Anchors {
  const server = new Map(r.servers.map((s, i) => [normalizeFqdn(s.fqdn), `server-${i + 1}`]));
  const event = new Map<number, string>();
  r.evidence.forEach((e, i) => e.verdicts.forEach((v) => event.set(v.seq, `evidence-${i + 1}`)));
  r.scripts.forEach((s, i) => s.copies.forEach((c) => event.set(c.seq, `script-${i + 1}`)));
  return { server, event };
}

/** A server as code, linked to its entry when the runbook has one, so a reader can jump to it. */
export function serverRef(fqdn: string, a: Anchors): string {
  const id = a.server.get(normalizeFqdn(fqdn));
  return id === undefined ? code(fqdn) : `<a href="#${id}">${code(fqdn)}</a>`;
}
