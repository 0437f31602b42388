/**
 * The history's hash chain (tamper evidence, issue 14). Every entry carries `hash`: SHA-256
 * (FIPS 180-4, @noble/hashes) of the previous entry's hash (64 lower-case hexadecimal digits; 64
 * zeros before the first entry), a line feed, and the entry's canonical JSON (RFC 8785,
 * `canonicalize`: keys sorted, no whitespace) without its `hash`. The hash of the last entry is the
 * chain's head: the history's fingerprint, which a sign-off signs and the runbook prints.
 *
 * An entry whose content changed no longer matches its own hash, so the entry edited is named. This
 * is evidence, not protection: anyone can compute a new chain over an edited history. What makes a
 * later edit show is a copy of the head kept elsewhere (the runbook filed with the change, a
 * sign-off's fingerprint).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import canonicalize from 'canonicalize';

/** What stands before the first entry. */
export const CHAIN_START = '0'.repeat(64);

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

/** An entry of a history as the chain sees it: any JSON object, its own `hash` left out of what is hashed. */
type Entry = { readonly hash?: unknown } & object;

/** What an entry's hash must be, after an entry whose hash is `previous`. */
export function chainHash(previous: string, entry: Entry): string {
  const { hash: _hash, ...content } = entry as Record<string, unknown>;
  return sha256Hex(`${previous}\n${canonicalJson(content)}`);
}

/**
 * A history's chain, worked out as the history grows: `head` is the hash the last entry should
 * carry, computed from the entries' content; `changed` lists the entries (by index) whose own hash
 * does not match their content after the hash stored on the entry before them (edited, inserted, or
 * following one removed). Only `verify` looks at the hashes the entries carry.
 */
export class HistoryChain {
  private headHash = CHAIN_START;
  private stored = CHAIN_START;
  private added = 0;
  private readonly mismatched: number[] = [];

  /** How many entries it holds. */
  get count(): number {
    return this.added;
  }

  /** The chain's head: the hash the last entry added should carry (CHAIN_START when empty). */
  get head(): string {
    return this.headHash;
  }

  /** The entries whose hash does not match, oldest first. */
  get changed(): readonly number[] {
    return this.mismatched;
  }

  /** Adds an entry, trusting it (an entry this session hashed, or one whose link is not in question). */
  add(entry: Entry, hash = chainHash(this.headHash, entry)): void {
    this.headHash = hash;
    this.stored = hash;
    this.added++;
  }

  /** Adds an entry of a history read from a file, checking the hash it carries against its content. */
  verify(entry: Entry): void {
    const expected = chainHash(this.headHash, entry);
    // While no entry has changed, the stored hash before this one is the head: one hash tells both.
    const link = this.stored === this.headHash ? expected : chainHash(this.stored, entry);
    const carried = typeof entry.hash === 'string' ? entry.hash : null;
    if (carried !== link) this.mismatched.push(this.added);
    this.headHash = expected;
    this.stored = carried ?? '';
    this.added++;
  }

  /** Adds the entries of `history` it does not hold yet (a history only ever grows), trusting them. */
  catchUp(history: readonly Entry[]): void {
    while (this.added < history.length) this.add(history[this.added] as Entry);
  }
}

/** The chain head of a history (or of its first entries), from their content. */
export function historyFingerprint(history: readonly Entry[]): string {
  const chain = new HistoryChain();
  chain.catchUp(history);
  return chain.head;
}
