import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/ui/app';
import type { HostCommand } from '../../renderer/host/host';
import { memoryHost } from './support';

/** A host whose recovery slot holds text that is not a deployment (a damaged autosave). */
function hostWithBrokenRecovery(exported: { name: string } | null) {
  const calls: string[] = [];
  const host = memoryHost({
    findRecovery: async () => ({
      handle: null,
      name: 'Contoso HQ',
      text: '{"format":"lync-runbook","schemaVersion":1,',
      at: '2026-03-14T10:00:00.000Z',
    }),
    clearAutosave: async () => {
      calls.push('clear');
    },
    exportFile: async (request) => {
      calls.push(`export ${request.suggestedName}`);
      return exported;
    },
  });
  return { host, calls };
}

describe('the app at start', () => {
  it('keeps unsaved work it cannot open until the admin decides, and then lets it go', async () => {
    const { host, calls } = hostWithBrokenRecovery(null);
    render(<App host={host} />);
    expect(await screen.findByText('Unsaved work from last time could not be opened')).toBeTruthy();
    // No way to wave it away unread: only the two decisions.
    expect(screen.queryByRole('button', { name: 'Dismiss message' })).toBeNull();
    // A save dialog cancelled keeps it.
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save it as a file…' })));
    expect(calls).toEqual(['export Contoso HQ recovered']);
    expect(screen.getByText('Unsaved work from last time could not be opened')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Discard it' })));
    await waitFor(() => expect(screen.queryByText('Unsaved work from last time could not be opened')).toBeNull());
    expect(calls).toEqual(['export Contoso HQ recovered', 'clear']);
  });

  it('lets it go once saved as a file, and says where', async () => {
    const { host, calls } = hostWithBrokenRecovery({ name: 'Contoso HQ recovered.json' });
    render(<App host={host} />);
    await screen.findByText('Unsaved work from last time could not be opened');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save it as a file…' })));
    await waitFor(() => expect(screen.queryByText('Unsaved work from last time could not be opened')).toBeNull());
    expect(calls).toEqual(['export Contoso HQ recovered', 'clear']);
    expect(screen.getByText('The unsaved work from last time is in Contoso HQ recovered.json.')).toBeTruthy();
  });
});

/** The app on its first start (the sample open), and the way to send it a command as the native menu does. */
async function appWithCommands(): Promise<(command: HostCommand) => void> {
  let send: (command: HostCommand) => void = () => undefined;
  const host = memoryHost({
    onCommand: (listener) => {
      send = listener;
      return () => undefined;
    },
  });
  render(<App host={host} />);
  await screen.findAllByText(/Contoso HQ/);
  return (command) => send(command);
}

describe('File › Close Deployment', () => {
  it('closes only a deployment on screen: on the setup form it keeps what is typed', async () => {
    const send = await appWithCommands();
    await act(async () => send({ type: 'new' }));
    const name = await screen.findByLabelText(/Deployment name/);
    fireEvent.change(name, { target: { value: 'Fabrikam EU' } });
    await act(async () => send({ type: 'close' }));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 200)));
    // Still on screen (a screen being replaced is hidden while the next one loads), as typed.
    expect(screen.getByRole('main', { name: 'New deployment' })).toBeTruthy();
    expect((screen.getByLabelText(/Deployment name/) as HTMLInputElement).value).toBe('Fabrikam EU');
  });
});

describe('File › Import a Topology…', () => {
  it('shows the start screen with the import open, and the way back to the deployment still open', async () => {
    const send = await appWithCommands();
    await act(async () => send({ type: 'import-topology' }));
    expect(await screen.findByRole('heading', { name: /Import a topology/i })).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /^Back to Contoso HQ/ })));
    expect(await screen.findByRole('tab', { name: 'Dashboard' })).toBeTruthy();
  });
});
