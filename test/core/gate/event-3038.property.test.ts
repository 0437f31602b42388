// Event 3038 only corroborates (replication-and-pools D4): whatever else a proof holds, adding an
// event 3038 after the assignment never turns it into one that opens the Step 3 gate, and a proof
// whose only support is the event never does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EvidenceProof } from '../../../renderer/core/events/schema';
import { proofCoversAssignment, type OAuthAssignment } from '../../../renderer/core/gate/gate';

const ASSIGNED = '8F2A6C0D11E34B5A9C7D2E1F0A3B4C5D6E7F8091';
const OTHER = 'AAAABBBBCCCCDDDDEEEEFFFF0000111122223333';
const AT = Date.parse('2013-03-14T10:00:00.000Z');
const iso = (offsetMinutes: number) => new Date(AT + offsetMinutes * 60_000).toISOString();

const assignment = fc.record({
  server: fc.constant('fe01.contoso.local'),
  thumbprint: fc.option(fc.constant(ASSIGNED)),
  at: fc.constant(iso(0)),
  operator: fc.constant('admin'),
}) as fc.Arbitrary<OAuthAssignment>;

/** A proof about fe02 with any mix of the parts a judge can put in it, times either side of the assignment. */
const proof: fc.Arbitrary<EvidenceProof> = fc
  .record(
    {
      upToDate: fc.boolean(),
      lastUpdate: fc.integer({ min: -120, max: 120 }).map(iso),
      thumbprints: fc.subarray([ASSIGNED, OTHER]),
    },
    { requiredKeys: [] },
  )
  .map((parts) => ({ server: 'fe02.contoso.local', ...parts }));

describe('event 3038 in a proof', () => {
  it('never decides whether the gate opens', () => {
    fc.assert(
      fc.property(proof, assignment, fc.integer({ min: 1, max: 600 }), (without, oauth, after) => {
        const withEvent = { ...without, event3038At: iso(after) };
        expect(proofCoversAssignment(withEvent, 'fe02.contoso.local', oauth)).toBe(
          proofCoversAssignment(without, 'fe02.contoso.local', oauth),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('alone opens nothing, whatever the assignment', () => {
    fc.assert(
      fc.property(assignment, fc.integer({ min: -600, max: 600 }), (oauth, minutes) => {
        expect(
          proofCoversAssignment(
            { server: 'fe02.contoso.local', event3038At: iso(minutes) },
            'fe02.contoso.local',
            oauth,
          ),
        ).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
