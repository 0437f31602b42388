import { describe, expect, it } from 'vitest';
import { evidenceInputSchema } from '../../../renderer/core/events/schema';
import { judgeEvidence, toEvidenceInput } from '../../../renderer/core/evidence';
import { assignment, context, fixture } from './evidence-kit';

describe('the evidence input recorded with a verdict', () => {
  it('records the text, the locale and zone it was read in, and what was read', () => {
    const text = fixture('replication-status/single-from-field-report.txt').replace(
      'ReplicaFqdn        :',
      'ReplicaFqdn        : fe02.contoso.local',
    );
    const ctx = context({ oauth: assignment('2012-11-25T04:00:00.000Z') });
    const judgement = judgeEvidence(text, ctx);
    expect(judgement.verdict.accepted).toBe(true);
    const input = toEvidenceInput(judgement, text, ctx);
    expect(input).toEqual({
      kind: 'replication-status',
      text,
      locale: 'en-US',
      timeZone: 'America/Los_Angeles',
      read: judgement.read,
    });
    expect(evidenceInputSchema.safeParse(input).success).toBe(true);
  });

  it('keeps within the limits of the event schema for the largest paste', () => {
    const text = `${fixture('replication-status/pool-mixed.txt')}${' '.repeat(999_000)}`;
    const ctx = context({ server: 'fe03.contoso.local', timeZone: 'x'.repeat(200), locale: 'y'.repeat(100) });
    const input = toEvidenceInput(judgeEvidence(text, ctx), text, ctx);
    expect(evidenceInputSchema.safeParse(input).success).toBe(true);
  });

  it('records a paste with nothing recognisable as unrecognised, so the rejection is kept', () => {
    const ctx = context();
    const input = toEvidenceInput(judgeEvidence('hello', ctx), 'hello', ctx);
    expect(input).toMatchObject({ kind: 'unrecognised', text: 'hello' });
    expect(evidenceInputSchema.safeParse(input).success).toBe(true);
  });
});
