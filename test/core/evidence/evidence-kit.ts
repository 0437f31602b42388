// Shared by the evidence tests: contexts, fixtures, and the check every accepted proof must pass.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { EvidenceProof } from '../../../renderer/core/events/schema';
import { proofCoversAssignment, type OAuthAssignment } from '../../../renderer/core/gate/gate';
import type { EvidenceContext, EvidenceJudgement, EvidenceRejection } from '../../../renderer/core/evidence';

/** The OAuthTokenIssuer certificate the sample deployment assigned. */
export const ASSIGNED_THUMBPRINT = '8F2A6C0D11E34B5A9C7D2E1F0A3B4C5D6E7F8091';
/** The certificate it replaced (previous after the roll-over). */
export const PREVIOUS_THUMBPRINT = '1C9E5B7A3D2F408E6A1B0C9D8E7F6A5B4C3D2E1F';

/** An assignment on fe01 at the given UTC time. */
export function assignment(at: string, thumbprint: string | null = ASSIGNED_THUMBPRINT): OAuthAssignment {
  return { server: 'fe01.contoso.local', thumbprint, at, operator: 'admin' };
}

/** A context for fe02, read en-US (default, not chosen) in Los Angeles (chosen) unless overridden. */
export function context(overrides: Partial<EvidenceContext> = {}): EvidenceContext {
  return {
    server: 'fe02.contoso.local',
    oauth: assignment('2013-03-14T12:00:00.000Z'),
    locale: 'en-US',
    localeChosen: false,
    timeZone: 'America/Los_Angeles',
    zoneChosen: true,
    ...overrides,
  };
}

/** The text of a fixture under test/core/evidence/fixtures. */
export function fixture(path: string): string {
  return readFileSync(new URL(`./fixtures/${path}`, import.meta.url), 'utf8');
}

/** Asserts acceptance, and that the gate itself takes the proof for this server and assignment. */
export function expectAccepted(judgement: EvidenceJudgement, ctx: EvidenceContext): EvidenceProof {
  const verdict = judgement.verdict;
  if (!verdict.accepted) throw new Error(`expected acceptance, got ${verdict.reason}: ${verdict.message}`);
  expect(ctx.oauth).not.toBeNull();
  expect(proofCoversAssignment(verdict.proof, ctx.server, ctx.oauth as OAuthAssignment)).toBe(true);
  return verdict.proof;
}

/** Asserts a refusal for the given reason and returns its message. */
export function expectRejected(judgement: EvidenceJudgement, reason: EvidenceRejection): string {
  const verdict = judgement.verdict;
  if (verdict.accepted) throw new Error(`expected ${reason}, got acceptance of ${JSON.stringify(verdict.proof)}`);
  expect(verdict.reason, verdict.message).toBe(reason);
  return verdict.message;
}
