import fc from 'fast-check';

/*
 * A failing property over long deployment histories can shrink for hours, and synchronous
 * predicates are beyond vitest's test timeout. This bounds every property: after the limit no new
 * run starts, a failure found so far is reported with its counterexample and seed, and a property
 * that has not finished its runs fails rather than passing on fewer cases. It is a safety net
 * against a hung suite, far above the slowest property (the 100,000-case fuzz run), not a speed check.
 * PROPERTY_TIME_LIMIT_MS changes it (to try the net itself).
 */
const LIMIT_MS = Number(process.env.PROPERTY_TIME_LIMIT_MS ?? 20 * 60_000);

fc.installGlobalPlugin(fc.interruptAfterTimeLimit(LIMIT_MS, { failOnInterrupt: true }));

/*
 * On CI every property runs from one fixed seed, so a run of `main` is reproducible and passes or
 * fails on the code alone; on a developer's machine each run draws a new seed and keeps exploring
 * (a failure prints its seed: FC_SEED=<seed> replays it). FC_SEED sets the seed anywhere.
 */
const seed = process.env.FC_SEED ?? (process.env.CI ? '20261202' : undefined);
if (seed !== undefined) fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: Number(seed) });
