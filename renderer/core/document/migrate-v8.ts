/**
 * Version 7 → 8: every entry carries its link in the history's hash chain (`hash`,
 * document/fingerprint.ts), and the history's fingerprint is the chain's head. Version 7 had no
 * chain; its fingerprint was SHA-256 over the canonical JSON of every entry, one per line, and its
 * sign-offs signed that. The migration seals the history as it finds it: each sign-off whose
 * fingerprint is that of the entries before it (version 7's definition) is given the chain head of
 * the same entries, so it still signs exactly what it signed; one that does not match is left as it
 * is, and opening the file refuses it as an edit before the sign-off. Each entry is hashed in the
 * shape the current schema reads it; one that does not validate is left for the loader to report.
 *
 * Version 7 never wrote a hash. A history whose entries already carry one was written by version 8
 * or later and had its version number set back: it is left exactly as it is, so opening it checks
 * the chain it carries (an entry edited is named, and the file opens read-only) instead of sealing
 * the edit into a new chain.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { domainEventSchema } from '../events/schema';
import { canonicalJson, chainHash, CHAIN_START } from './fingerprint';

type Raw = Record<string, unknown>;

function migrateHistory(history: readonly Raw[]): readonly Raw[] {
  if (history.some((entry) => typeof entry === 'object' && entry !== null && 'hash' in entry)) return history;
  // Version 7's fingerprint, worked out as the entries go by.
  const v7 = sha256.create();
  let head = CHAIN_START;
  const out: Raw[] = [];
  for (const original of history) {
    let raw = original;
    if (
      typeof raw === 'object' &&
      raw !== null &&
      raw.type === 'change.signed' &&
      raw.fingerprint === bytesToHex(v7.clone().digest())
    )
      raw = { ...raw, fingerprint: head };
    const parsed = domainEventSchema.safeParse(raw);
    if (!parsed.success) return [...out, ...history.slice(out.length)];
    const hash = chainHash(head, parsed.data);
    out.push({ ...raw, hash });
    head = hash;
    v7.update(utf8ToBytes(`${canonicalJson(original)}\n`));
  }
  return out;
}

/** The migration of a whole version 7 document to version 8. */
export function migrateToV8(doc: Raw): Raw {
  const history = Array.isArray(doc.history) ? migrateHistory(doc.history as Raw[]) : doc.history;
  return { ...doc, history, schemaVersion: 8 };
}
