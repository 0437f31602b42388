/**
 * Migrations from older document versions, each taking the raw JSON of version N to N+1. They
 * work on events, which stay stable while machine internals change (DESIGN §5). Version 1 is the
 * first, so there are none yet; a breaking change adds one here and an old-version fixture in
 * the tests.
 */
export const MIGRATIONS: Readonly<Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>> = {};
