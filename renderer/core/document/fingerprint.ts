/**
 * A history's fingerprint: SHA-256 (FIPS 180-4, @noble/hashes) over the canonical JSON (RFC 8785,
 * `canonicalize`: keys sorted, no whitespace) of each entry, one line per entry, as lower-case hex.
 * The same history gives the same fingerprint on every machine and in every version that keeps the
 * entries' shape; any changed character gives another. A sign-off records the fingerprint of what
 * was signed; the runbook prints the fingerprint of the whole history it was made from.
 *
 * Worked out as the history grows (HistoryHasher): a fingerprint after one more entry hashes that
 * entry only, so exporting and signing stay cheap on a long history.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import canonicalize from 'canonicalize';

/** The canonical JSON of a value (RFC 8785). */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('Only JSON values have a canonical form.');
  return text;
}

/** SHA-256 of a text's UTF-8 bytes, as 64 lower-case hexadecimal digits. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** The fingerprint of the entries given, worked out as they are added. */
export class HistoryHasher {
  private readonly hash = sha256.create();
  private added = 0;

  /** How many entries it has hashed. */
  get count(): number {
    return this.added;
  }

  /** Hashes the entries of `history` it has not hashed yet (the history only ever grows). */
  catchUp(history: readonly unknown[]): void {
    for (; this.added < history.length; this.added++)
      this.hash.update(utf8ToBytes(`${canonicalJson(history[this.added])}\n`));
  }

  /** The fingerprint of the entries hashed so far. */
  digest(): string {
    return bytesToHex(this.hash.clone().digest());
  }
}

/** The fingerprint of a history (or of its first entries). */
export function historyFingerprint(history: readonly unknown[]): string {
  const hasher = new HistoryHasher();
  hasher.catchUp(history);
  return hasher.digest();
}
