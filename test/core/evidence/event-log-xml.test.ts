// Event 3038 as XML (Event Viewer's XML view, ToXml(), wevtutil /f:xml) and as wevtutil /f:text blocks
// (replication-and-pools P4). Read and named like every other shape; as corroboration only (D4).
import { describe, expect, it } from 'vitest';
import { judgeEvidence } from '../../../renderer/core/evidence';
import { assignment, context, expectRejected, fixture } from './evidence-kit';

const fe03 = context({ server: 'fe03.contoso.local', oauth: assignment('2013-03-14T10:00:00.000Z') });

describe('event 3038 as XML and as wevtutil text', () => {
  it.each([
    ["Event Viewer's XML view", 'event-log/event-viewer-xml-view.txt', 1],
    ['wevtutil qe /f:xml, two events on one line', 'event-log/wevtutil-xml.txt', 2],
    ['wevtutil qe /f:text blocks', 'event-log/wevtutil-text.txt', 2],
  ])('reads %s: every event, the newest after the assignment, as corroboration only', (_, name, count) => {
    const judgement = judgeEvidence(fixture(name), fe03);
    expect(judgement.kind).toBe('event-log');
    const events = judgement.read.filter((l) => l.startsWith('event 3038'));
    expect(events).toHaveLength(count);
    expect(events.every((l) => l.includes('on fe03.contoso.local'))).toBe(true);
    const message = expectRejected(judgement, 'corroboration-only');
    expect(message).toContain('logged at 2013-03-14T11:20:00.000Z');
  });

  it('names the machine of the XML and refuses it for another server', () => {
    expectRejected(
      judgeEvidence(fixture('event-log/wevtutil-xml.txt'), { ...fe03, server: 'fe02.contoso.local' }),
      'another-server',
    );
  });

  it('says when even the newest event came before the assignment', () => {
    const later = context({ server: 'fe03.contoso.local', oauth: assignment('2013-03-15T00:00:00.000Z') });
    expectRejected(judgeEvidence(fixture('event-log/wevtutil-xml.txt'), later), 'before-assignment');
  });

  it('steps over a long run of unterminated <Event tags in one pass, reading nothing from them', () => {
    const judgement = judgeEvidence('<Event '.repeat(140_000), fe03);
    expect(judgement.kind).toBeNull();
    expect(judgement.verdict.accepted).toBe(false);
  });
});
