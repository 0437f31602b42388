// Every event has two times (issue 14, item 1): when it happened, typed or now, and when it was
// recorded, stamped by the session from its clock and never typed. Files of version 5 migrate with
// recorded = happened.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION } from '../../../renderer/core/document/document';
import { parseDocument } from '../../../renderer/core/document/load';
import { serializeDocument, toDocument } from '../../../renderer/core/document/save';
import type { Command } from '../../../renderer/core/events/schema';
import { isBackDated } from '../../../renderer/core/events/times';
import { timelineEntries, timelineLine } from '../../../renderer/core/runbook';
import { DeploymentSession } from '../../../renderer/core/session/session';
import { exportTimeRefusal } from '../../../renderer/core/session/time.rules';
import { staleAfterAssignment } from '../support/deployments';

const FE2 = 'fe02.contoso.local';

describe('when it happened and when it was recorded', () => {
  it('the session stamps the recording time from its clock; a typed time is when it happened', () => {
    const { session, clock } = staleAfterAssignment();
    clock.set('2013-03-14T16:00:00.000Z');
    const now = session.record({ type: 'remediation.chosen', server: FE2, path: 'A' });
    expect(now.ok && [now.event.at, now.event.recordedAt]).toEqual([
      '2013-03-14T16:00:00.000Z',
      '2013-03-14T16:00:00.000Z',
    ]);
    expect(now.ok && isBackDated(now.event)).toBe(false);
    const typed = session.record({
      type: 'override.recorded',
      change: 'CHG-0001',
      server: FE2,
      reason: 'Checked the local store by hand on fe02',
      at: '2013-03-14T11:00:00.000Z',
    });
    expect(typed.ok && [typed.event.at, typed.event.recordedAt]).toEqual([
      '2013-03-14T11:00:00.000Z',
      '2013-03-14T16:00:00.000Z',
    ]);
    expect(typed.ok && isBackDated(typed.event)).toBe(true);
  });

  it('a recording time given with the command is not taken', () => {
    const { session, clock } = staleAfterAssignment();
    clock.set('2013-03-14T16:00:00.000Z');
    const forged = { type: 'remediation.chosen', server: FE2, path: 'A', recordedAt: '2013-03-14T10:05:00.000Z' };
    const result = session.record(forged as unknown as Command);
    expect(result.ok && result.event.recordedAt).toBe('2013-03-14T16:00:00.000Z');
  });

  it('a saved history is checked against when each entry was recorded', () => {
    const { session } = staleAfterAssignment();
    const last = session.history.at(-1)!;
    const dated = (at: string, recordedAt: string) => [...session.history.slice(0, -1), { ...last, at, recordedAt }];
    const saved = '2013-03-15T00:00:00.000Z';
    // Dated after it was recorded: nothing is recorded before it happens.
    const ahead = DeploymentSession.replay(dated('2013-03-14T12:00:00.000Z', '2013-03-14T10:00:00.000Z'), saved);
    expect(!ahead.ok && ahead.message).toBe(
      'It is dated 2013-03-14T12:00:00Z, after it was recorded (2013-03-14T10:00:00Z): nothing is recorded before it happens.',
    );
    // Recorded after the file was saved.
    const late = DeploymentSession.replay(dated('2013-03-14T10:00:00.000Z', '2013-03-16T10:00:00.000Z'), saved);
    expect(!late.ok && late.message).toMatch(/^It was recorded at 2013-03-16T10:00:00Z, after the file was saved/);
    // Recorded later than it happened is what typing a time in afterwards is: accepted.
    expect(DeploymentSession.replay(dated('2013-03-14T10:00:00.000Z', '2013-03-14T18:00:00.000Z'), saved).ok).toBe(
      true,
    );
  });

  it('the timeline is in the order things happened, and marks the entry typed in afterwards', () => {
    const { session, clock } = staleAfterAssignment();
    clock.set('2013-03-14T16:00:00.000Z');
    session.record({ type: 'remediation.chosen', server: FE2, path: 'A' });
    session.record({
      type: 'override.recorded',
      change: 'CHG-0001',
      server: FE2,
      reason: 'Checked the local store by hand on fe02',
      at: '2013-03-14T11:00:00.000Z',
    });
    const entries = timelineEntries(session.history, session.facts);
    expect(entries.map((e) => e.kind).slice(-2)).toEqual(['override.recorded', 'remediation.chosen']);
    const override = entries.find((e) => e.kind === 'override.recorded')!;
    expect(timelineLine(override)).toBe(
      '2013-03-14T11:00:00Z (recorded 2013-03-14T16:00:00Z, back-dated)  j.smith  fe02.contoso.local  Gate overridden (not proven)',
    );
  });

  it('an export is not dated before its newest entry was recorded', () => {
    const { session } = staleAfterAssignment();
    expect(exportTimeRefusal(session.history, '2013-03-14T10:00:00.000Z')).toBeNull();
    expect(exportTimeRefusal(session.history, '2013-03-14T09:00:00Z')).toBe(
      'The export time 2013-03-14T09:00:00Z is before the newest entry was recorded (2013-03-14T10:00:00Z): an export cannot be dated before what it holds. Give a later --at, or leave it out to use now.',
    );
  });
});

describe('a file of version 5', () => {
  const text = readFileSync(
    new URL('../document/fixtures/v5-step-3-before-its-override.lyncrunbook', import.meta.url),
    'utf8',
  );

  it('opens with every entry recorded when it happened (version 5 kept one time), and saves as the current version', () => {
    const raw = JSON.parse(text) as { schemaVersion: number; history: { at: string }[] };
    expect(raw.schemaVersion).toBe(5);
    const opened = parseDocument(text);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.migratedFrom).toBe(5);
    expect(opened.document.history.map((e) => [e.at, e.recordedAt])).toEqual(raw.history.map((e) => [e.at, e.at]));
    expect(opened.document.history.some(isBackDated)).toBe(false);
    const again = parseDocument(serializeDocument(toDocument(opened.session, opened.document.savedAt)));
    expect(again.ok && again.document.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(again.ok && again.document.history).toEqual(opened.document.history);
  });
});
