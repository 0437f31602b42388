/**
 * A history's fingerprint: SHA-256 (FIPS 180-4, @noble/hashes) over its canonical JSON (RFC 8785,
 * `canonicalize`: keys sorted, no whitespace), as lower-case hex. The same history gives the same
 * fingerprint on every machine and in every version that keeps the events' shape; any changed
 * character gives another. A sign-off records the fingerprint of what was signed.
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

/** The fingerprint of a history (or any part of one). */
export function historyFingerprint(history: readonly unknown[]): string {
  return sha256Hex(canonicalJson(history));
}
