import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../../../renderer/core/events/schema';
import { EvidenceBox } from '../../../../renderer/ui/features/server/evidence-box';
import { memoryHost, renderUi } from '../../support';

// The field report's block, with the replica named as -ReplicaFqdn prints it (an empty name is not attributed).
const FIELD_REPORT = `UpToDate           : True
ReplicaFqdn        : fe02.contoso.local
LastStatusReport   : 11/24/2012 8:15:36 PM
LastUpdateCreation : 11/24/2012 8:08:05 PM
ProductVersion     : 5.0.8308.0`;

function box(assignedAt: string, wouldRefuse: (c: Command) => string | null = () => null) {
  const recorded: Command[] = [];
  const host = memoryHost();
  renderUi(
    <EvidenceBox
      server="fe02.contoso.local"
      oauth={{ server: 'fe01.contoso.local', thumbprint: 'A'.repeat(40), at: assignedAt, operator: 'j' }}
      timeZone="UTC"
      preferences={host.preferences}
      keptAs="kept:test:fe02.contoso.local:evidence"
      record={(c) => {
        recorded.push(c);
        return null;
      }}
      wouldRefuse={wouldRefuse}
    />,
  );
  return recorded;
}

function paste(text: string) {
  fireEvent.change(screen.getByLabelText(/Command output/), { target: { value: text } });
}

describe('the evidence box', () => {
  it('shows evidence the deployment would refuse to record now as not accepted, with its words, and keeps it as a rejection', () => {
    const refusal = 'The evidence for fe02.contoso.local shows 2012-11-24T20:08:05.000Z, later than it was recorded.';
    const recorded = box('2012-11-24T19:00:00.000Z', (c) => (c.type === 'evidence.accepted' ? refusal : null));
    paste(FIELD_REPORT);
    fireEvent.click(screen.getByRole('button', { name: 'The console is en-US and the server is in UTC: judge again' }));
    expect(screen.getByText('Not accepted')).toBeTruthy();
    expect(screen.getByText(refusal)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Record evidence' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Keep this rejection in the runbook' }));
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ type: 'evidence.rejected', server: 'fe02.contoso.local', reason: refusal });
  });

  it('shows what it read before the verdict, accepts the field report after an earlier assignment, and records it', () => {
    const recorded = box('2012-11-24T19:00:00.000Z');
    paste(FIELD_REPORT);
    const read = screen.getByLabelText('What was read');
    expect(read.textContent).toMatch(/UpToDate True/);
    expect(read.textContent).toMatch(/2012-11-24/);
    // 20:08 is within 26 hours of the 19:00 UTC assignment and the zone shown is the workstation's, not a choice.
    expect(screen.getByText('Not accepted')).toBeTruthy();
    expect(screen.getByText(/which has not been chosen \(it was read in this workstation's, UTC\)/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'The console is en-US and the server is in UTC: judge again' }));
    expect(screen.getByText('Accepted — Step 3 can go ahead')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Record evidence' }));
    expect(recorded[0]).toMatchObject({
      type: 'evidence.accepted',
      server: 'fe02.contoso.local',
      proof: { upToDate: true, lastUpdate: '2012-11-24T20:08:05.000Z' },
      input: { kind: 'replication-status', locale: 'en-US', timeZone: 'UTC' },
    });
    expect(screen.getByText('Evidence recorded. Step 3 can go ahead.')).toBeTruthy();
  });

  it('rejects it with the reason when the assignment came later, and can keep the rejection', () => {
    const recorded = box('2012-11-24T21:00:00.000Z');
    paste(FIELD_REPORT);
    expect(screen.getByText('Not accepted')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Keep this rejection in the runbook' }));
    expect(recorded[0]).toMatchObject({ type: 'evidence.rejected', input: { kind: 'replication-status' } });
  });

  it('says when nothing recognisable was pasted', () => {
    box('2012-11-24T19:00:00.000Z');
    paste('hello world; <script>alert(1)</script>');
    expect(screen.getByText('Not accepted')).toBeTruthy();
    expect(screen.getByLabelText('What was read').textContent).toContain('Nothing recognisable.');
  });

  it('reads dates in the chosen console locale', () => {
    box('2012-11-24T19:00:00.000Z');
    fireEvent.change(screen.getByLabelText(/Console date format/), { target: { value: 'en-GB' } });
    fireEvent.change(screen.getByLabelText(/Server's time zone/), { target: { value: 'UTC' } });
    paste(
      FIELD_REPORT.replace(/11\/24\/2012 8:08:05 PM/, '24/11/2012 20:08:05').replace(
        /11\/24\/2012 8:15:36 PM/,
        '24/11/2012 20:15:36',
      ),
    );
    expect(screen.getByText('Accepted — Step 3 can go ahead')).toBeTruthy();
  });
});
