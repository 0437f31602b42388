import { migrateToV3 } from './migrate-v3';
import { migrateToV4 } from './migrate-v4';
import { migrateToV5 } from './migrate-v5';
import { migrateToV6 } from './migrate-v6';
import { migrateToV7 } from './migrate-v7';
import { migrateToV8 } from './migrate-v8';

/**
 * Migrations from older document versions, each taking the raw JSON of version N to N+1. They work
 * on events, which stay stable while machine internals change (DESIGN §5); each has a fixture of
 * its old version in the tests (test/core/document/fixtures).
 */
export const MIGRATIONS: Readonly<Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>> = {
  // Version 1 also stored a snapshot of the machines, never read since opening replays the history.
  1: (doc) => {
    const { snapshot: _snapshot, ...rest } = doc;
    return { ...rest, schemaVersion: 2 };
  },
  2: migrateToV3,
  3: migrateToV4,
  4: migrateToV5,
  5: migrateToV6,
  6: migrateToV7,
  7: migrateToV8,
  // Version 9 added what version 8 cannot read, so that version 8 refuses it instead of dropping it
  // (which its hash chain would then report as an edit): one paste judged for several servers
  // (evidence input `judgedFor`). Nothing older needs changing.
  8: (doc) => ({ ...doc, schemaVersion: 9 }),
};
