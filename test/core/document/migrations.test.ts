import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION } from '../../../renderer/core/document/document';
import { parseDocument } from '../../../renderer/core/document/load';
import { migrateToV3, MIGRATION_OPERATOR } from '../../../renderer/core/document/migrate-v3';
import { serializeDocument, toDocument } from '../../../renderer/core/document/save';
import type { DomainEvent, DomainEventOf } from '../../../renderer/core/events/schema';
import { OVERRIDE_CHANGE_NOT_ASKED } from '../../../renderer/core/model/override';

/** The field report's runbook as version 1 saved it: with the machines' snapshot, which version 2 drops. */
const V1 = readFileSync(new URL('./fixtures/v1-field-report.lyncrunbook', import.meta.url), 'utf8');

describe('documents of older versions', () => {
  it('opens a version 8 document (before one paste could be judged for several servers) as it was, its chain verified', () => {
    const v8 = readFileSync(new URL('./fixtures/v8-field-report-signed.lyncrunbook', import.meta.url), 'utf8');
    const raw = JSON.parse(v8) as { schemaVersion: number; history: DomainEvent[] };
    expect(raw.schemaVersion).toBe(8);
    const opened = parseDocument(v8);
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.migratedFrom).toBe(8);
    expect(opened.document.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(opened.document.history).toEqual(raw.history);
    expect(opened.session.integrity()).toEqual({ head: raw.history.at(-1)!.hash, changed: [] });
  });

  it('opens a version 1 document: the same deployment and history, without the stored snapshot', () => {
    const raw = JSON.parse(V1) as { schemaVersion: number; snapshot: unknown; history: unknown[]; deployment: unknown };
    expect(raw.schemaVersion).toBe(1);
    expect(raw.snapshot).not.toBeNull();
    const opened = parseDocument(V1);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.migratedFrom).toBe(1);
    expect(opened.document.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect('snapshot' in opened.document).toBe(false);
    // The history is version 3's: the first Step 4 in the pool is its start (recorded on one server), path B's
    // first item split in two (the new check marked as done by the migration); and, since version 5, fe03's
    // certificate listing, which names no machine, kept as a rejected paste and an override of its gate.
    const v3 = migrateToV3({ ...raw, schemaVersion: 2 }).history as unknown as DomainEvent[];
    const listing = v3.findIndex((e) => e.type === 'evidence.accepted' && e.server === 'fe03.contoso.local');
    const { proof: _proof, ...entry } = v3[listing] as DomainEventOf<'evidence.accepted'>;
    const reason = expect.stringMatching(
      /^Migrated from file version 4: evidence recorded at 2013-03-14T11:05:00.000Z was accepted by an earlier version, but judged again from its paste it is not \(The listing shows the assigned certificate .* but it does not name the machine it came from/,
    );
    // Since version 6 every event has its recording time: the one time older versions kept.
    // and since version 7 every override its change (one version 6 did not ask for).
    const recorded = (e: object) => ({
      ...e,
      recordedAt: (e as { at: string }).at,
      ...((e as { type: string }).type === 'override.recorded' && !('change' in e)
        ? { change: OVERRIDE_CHANGE_NOT_ASKED }
        : {}),
    });
    // And since version 8 each its link in the hash chain, which verifies.
    const withoutHash = ({ hash: _hash, ...e }: DomainEvent) => e;
    expect(opened.session.integrity().changed).toEqual([]);
    expect(opened.document.history.at(-1)?.hash).toBe(opened.session.fingerprint());
    expect(opened.document.history.map(withoutHash)).toEqual(
      [
        ...v3.slice(0, listing),
        { ...entry, type: 'evidence.rejected', reason },
        {
          type: 'override.recorded',
          change: OVERRIDE_CHANGE_NOT_ASKED,
          server: entry.server,
          reason,
          at: entry.at,
          operator: entry.operator,
        },
        ...v3.slice(listing + 1),
      ].map(recorded),
    );
    const start = opened.document.history.find((e) => e.type === 'pool.started');
    expect(start).toMatchObject({
      pool: 'fepool.contoso.local',
      servers: ['fe01.contoso.local'],
      recordedAs: 'server-step-4',
    });
    expect(opened.document.deployment).toEqual(raw.deployment);
    // Saved again, it is a current document that opens as it is.
    const text = serializeDocument(toDocument(opened.session, '2013-03-15T09:00:00.000Z'));
    expect(text).not.toContain('"snapshot"');
    const again = parseDocument(text);
    expect(again.ok && again.migratedFrom).toBeNull();
  });

  it.each([
    ['the field report as saved by version 2 (Step 4 on each member, path B, path A)', 'v2-field-report.lyncrunbook'],
    ['path C and an event-3038 proof as saved by version 2', 'v2-path-c-and-3038.lyncrunbook'],
  ])('opens %s, saying what the migration rewrote', (_, name) => {
    const text = readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
    const raw = JSON.parse(text) as {
      schemaVersion: number;
      history: { type: string; server?: string; step?: number }[];
    };
    expect(raw.schemaVersion).toBe(2);
    const opened = parseDocument(text);
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.migratedFrom).toBe(2);
    const history = opened.document.history;
    // The pool is on record as started once, at the time of the first Step 4 recorded in it, by fe01 alone.
    const firstStep4 = raw.history.find((e) => e.type === 'step.completed' && e.step === 4)!;
    const starts = history.filter((e) => e.type === 'pool.started');
    expect(starts).toEqual([
      expect.objectContaining({
        servers: ['fe01.contoso.local'],
        recordedAs: 'server-step-4',
        at: (firstStep4 as unknown as { at: string }).at,
      }),
    ]);
    // A proof version 3 took on event 3038 alone is kept as the paste it was (a rejected evidence event) and
    // the gate it opened as an override whose reason says so, at the original time and by the same operator.
    const proofs3038 = raw.history.filter(
      (e) =>
        e.type === 'evidence.accepted' &&
        JSON.stringify(e).includes('event3038At') &&
        !JSON.stringify(e).includes('thumbprints'),
    ) as unknown as { server: string; at: string; operator: string }[];
    expect(proofs3038).toHaveLength(name.includes('3038') ? 1 : 0);
    const overrides = history.filter(
      (e) => e.type === 'override.recorded' && e.reason.startsWith('Migrated from file version 3'),
    );
    // Since version 5 a certificate listing that names no machine proves nothing (the field report's fe03).
    const unnamed = history.filter(
      (e) => e.type === 'override.recorded' && e.reason.startsWith('Migrated from file version 4'),
    );
    expect(unnamed.map((e) => ('server' in e ? e.server : null))).toEqual(
      name.includes('3038') ? [] : ['fe03.contoso.local'],
    );
    expect(overrides).toEqual(
      proofs3038.map((p) =>
        expect.objectContaining({
          server: p.server,
          at: p.at,
          operator: p.operator,
          reason: expect.stringContaining('event 3038'),
        }),
      ),
    );
    expect(history.filter((e) => e.type === 'evidence.rejected' && e.reason.startsWith('Migrated'))).toHaveLength(
      proofs3038.length + unnamed.length,
    );
    // Nothing else is lost: every other event of version 2 is still there, in order.
    const kept = history.filter(
      (e) =>
        e.type !== 'pool.started' &&
        e.operator !== MIGRATION_OPERATOR &&
        !overrides.includes(e) &&
        !unnamed.includes(e),
    );
    expect(kept.length).toBe(raw.history.length - 1);
    // No item is left under an id version 3 does not know, and every server ends where it ended.
    expect(JSON.stringify(history)).not.toContain('replication-complete');
    expect(JSON.stringify(history)).not.toContain('cms-running');
    for (const fe of ['fe01.contoso.local', 'fe02.contoso.local', 'fe03.contoso.local'])
      expect(opened.session.server(fe)!.context.steps[4], fe).toBeDefined();
    // Saved again, it is a current document that opens as it is.
    const again = parseDocument(serializeDocument(toDocument(opened.session, '2013-03-15T09:00:00.000Z')));
    expect(again.ok && again.migratedFrom).toBeNull();
  });
});

describe('documents of version 3', () => {
  it('open with a proof taken on event 3038 alone kept as a rejected paste and an override that says why', () => {
    const text = readFileSync(new URL('./fixtures/v3-3038-proof.lyncrunbook', import.meta.url), 'utf8');
    const raw = JSON.parse(text) as { schemaVersion: number; history: { type: string }[] };
    expect(raw.schemaVersion).toBe(3);
    const opened = parseDocument(text);
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.migratedFrom).toBe(3);
    const history = opened.document.history;
    expect(history.filter((e) => e.type === 'evidence.accepted')).toHaveLength(
      raw.history.filter((e) => e.type === 'evidence.accepted').length - 1,
    );
    const override = history.find((e) => e.type === 'override.recorded');
    expect(override).toMatchObject({
      server: 'fe03.contoso.local',
      at: '2013-03-14T11:30:00.000Z',
      operator: 'j.smith',
      reason: expect.stringContaining('showed only event 3038 at 2013-03-14T11:20:00.000Z'),
    });
    const rejected = history.find((e) => e.type === 'evidence.rejected');
    expect(rejected).toMatchObject({
      server: 'fe03.contoso.local',
      input: expect.objectContaining({ kind: 'event-log' }),
    });
    // fe03 went ahead through the override, and its gate says so.
    expect(opened.session.server('fe03.contoso.local')!.context.steps[3]?.rule).toBe('override');
    expect(history.length).toBe(raw.history.length + 1);
  });
});

describe('documents of version 4', () => {
  it('open with accepted evidence that has no paste, or a paste version 5 does not accept, kept as a rejected paste and an override', () => {
    const text = readFileSync(
      new URL('./fixtures/v4-unnamed-listing-and-bare-proof.lyncrunbook', import.meta.url),
      'utf8',
    );
    const raw = JSON.parse(text) as { schemaVersion: number; history: DomainEvent[] };
    expect(raw.schemaVersion).toBe(4);
    const opened = parseDocument(text);
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.migratedFrom).toBe(4);
    const history = opened.document.history;
    expect(history.filter((e) => e.type === 'evidence.accepted')).toEqual([]);
    const migrated = history.filter((e) => 'reason' in e && e.reason.startsWith('Migrated from file version 4'));
    // fe02's proof carried no paste: only the override; fe03's listing named no machine: its paste and the override.
    expect(migrated.map((e) => [e.type, 'server' in e ? e.server : null, e.at, e.operator])).toEqual([
      ['override.recorded', 'fe02.contoso.local', '2013-03-14T11:05:00.000Z', 'j.smith'],
      ['evidence.rejected', 'fe03.contoso.local', '2013-03-14T11:05:00.000Z', 'j.smith'],
      ['override.recorded', 'fe03.contoso.local', '2013-03-14T11:05:00.000Z', 'j.smith'],
    ]);
    expect(migrated[0]).toMatchObject({ reason: expect.stringContaining('carries no pasted output') });
    expect(migrated[1]).toMatchObject({ reason: expect.stringContaining('does not name the machine it came from') });
    for (const fe of ['fe02.contoso.local', 'fe03.contoso.local'])
      expect(opened.session.server(fe)!.context.steps[3]?.rule, fe).toBe('override');
    expect(history.length).toBe(raw.history.length + 1);
    // Saved again, it is a current document that opens as it is.
    const again = parseDocument(serializeDocument(toDocument(opened.session, raw.history.at(-1)!.at)));
    expect(again.ok && again.migratedFrom).toBeNull();
  });
});
