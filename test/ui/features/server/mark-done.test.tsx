import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MarkDone } from '../../../../renderer/ui/features/server/mark-done';
import { renderUi } from '../../support';

describe('Mark done', () => {
  it('records "now" at the moment of the click while the shown time is untouched, and the typed time once edited', () => {
    const recorded: unknown[] = [];
    renderUi(
      <MarkDone
        label="Mark Step 1 done"
        timeZone="UTC"
        askThumbprint={false}
        timeMatters="Enter when Step 1 actually finished."
        record={(c) => (recorded.push(c), null)}
      />,
    );
    // The time decides the gate here, so it is asked for, with the hint.
    expect(screen.getByText('Enter when Step 1 actually finished.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Mark Step 1 done' }));
    expect(recorded[0]).toEqual({});
    fireEvent.change(screen.getByLabelText('Finished at (UTC)'), { target: { value: '2013-03-14T11:30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mark Step 1 done' }));
    expect(recorded[1]).toEqual({ at: '2013-03-14T11:30:00.000Z' });
  });

  it('refuses a time the clocks skipped, with the reason, and records nothing', () => {
    const recorded: unknown[] = [];
    renderUi(
      <MarkDone
        label="Mark Step 2 done"
        timeZone="Europe/Berlin"
        askThumbprint={false}
        record={(c) => (recorded.push(c), null)}
      />,
    );
    fireEvent.click(screen.getByLabelText('It was done earlier: enter the time'));
    fireEvent.change(screen.getByLabelText('Finished at (Europe/Berlin)'), { target: { value: '2013-03-31T02:30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mark Step 2 done' }));
    expect(recorded).toEqual([]);
    expect(screen.getByRole('alert').textContent).toMatch(/2013-03-31 02:30 does not exist in Europe\/Berlin/);
  });

  it('asks how Step 1 was run again, refuses without an answer, and records it', () => {
    const recorded: unknown[] = [];
    renderUi(
      <MarkDone
        label="Record Step 1 run again"
        timeZone="UTC"
        askThumbprint={false}
        askHow
        record={(c) => (recorded.push(c), null)}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Record Step 1 run again' }));
    expect(recorded).toEqual([]);
    expect(screen.getByText(/Say how Step 1 was run again/)).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: /The PowerShell equivalent/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Record Step 1 run again' }));
    expect(recorded).toEqual([{ via: 'powershell' }]);
  });
});
