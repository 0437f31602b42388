// Step 3 per certificate use (issue 15, item 17): the Get-CsCertificate listing pasted with "Mark
// Step 3 done" is read into a table of uses before it is recorded, fills the thumbprint of the
// Step 3 that assigns the certificate, is recorded with the step and then shown on its card.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SAMPLE_DEPLOYMENT } from '../../../../renderer/core/sample/sample';
import { ServerView } from '../../../../renderer/ui/features/server/server-view';
import { keptKey } from '../../../../renderer/ui/kept-text';
import { Workspace } from '../../../../renderer/ui/workspace/workspace';
import { memoryHost, renderUi } from '../../support';
import { sampleWorkspace } from '../../workspaces';

const FE1 = 'fe01.contoso.local';
const LISTING = readFileSync(
  join(process.cwd(), 'test/core/evidence/fixtures/certificate/all-uses-after-step-3.txt'),
  'utf8',
);
const OAUTH = '0123456789ABCDEF0123456789ABCDEF01234567';
const PASTE = 'Certificates (Get-CsCertificate output)';
const THUMBPRINT_FIELD = 'Thumbprint of the OAuthTokenIssuer certificate you assigned';

beforeEach(() => {
  // The listing's certificates expire in 2013 and 2015: read them as of the day Step 3 ran.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2013-03-14T10:00:00Z'));
});
afterEach(() => vi.useRealTimers());

/** A new deployment with fe01's Steps 1 and 2 done: its Step 3 assigns the certificate. */
function beforeAssignment() {
  const created = Workspace.create(SAMPLE_DEPLOYMENT, 'tester');
  if (!created.ok) throw new Error(created.message);
  const workspace = created.workspace;
  for (const step of [1, 2] as const) {
    const result = workspace.record({ type: 'step.completed', server: FE1, step });
    if (!result.ok) throw new Error(result.message);
  }
  return workspace;
}

function open(workspace: Workspace, host = memoryHost()) {
  const view = renderUi(<ServerView workspace={workspace} host={host} fqdn={FE1} onBack={() => undefined} />);
  return { host, view };
}

function rows(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) =>
      within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent ?? ''),
    );
}

describe('the certificates of Step 3, per use', () => {
  it('shows what the paste holds per use, fills the thumbprint, records them with Step 3 and shows them on its card', () => {
    const workspace = beforeAssignment();
    const { host } = open(workspace);
    expect(screen.getByText(/After Step 3, run/).textContent).toContain(`Get-CsCertificate on ${FE1}`);
    fireEvent.change(screen.getByLabelText(PASTE), { target: { value: LISTING } });

    const read = screen.getByRole('table', { name: 'Read from the paste' });
    expect(rows(read)).toEqual([
      ['Default', '3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60', '14 Mar 2015 09:00 UTC', 'CN=fe01.contoso.local'],
      [
        'WebServicesInternal',
        '3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60',
        '14 Mar 2015 09:00 UTC',
        'CN=fe01.contoso.local',
      ],
      [
        'WebServicesExternal',
        '9A8B7C6D5E4F30211203F4E5D6C7B8A9F0E1D2C3',
        '2 Apr 2013 09:00 UTC',
        'CN=webext.contoso.com',
      ],
      ['OAuthTokenIssuer', OAUTH, '14 Mar 2015 09:00 UTC', 'CN=contoso.com'],
    ]);
    // What to look at is a warning, not an error: the step happened.
    const region = screen.getByLabelText('Certificates read');
    expect(region.textContent).toContain('Worth a look');
    expect(region.textContent).toContain(
      'The WebServicesExternal certificate (9A8B7C6D5E4F30211203F4E5D6C7B8A9F0E1D2C3) expires in 18 days',
    );
    // The empty thumbprint field takes the OAuthTokenIssuer the listing shows.
    expect((screen.getByLabelText(THUMBPRINT_FIELD) as HTMLInputElement).value).toBe(OAUTH);
    // Kept while typed.
    const key = keptKey(workspace, FE1, 'step3-certificates');
    expect(host.preferences.get(key)).toBe(LISTING);

    fireEvent.click(screen.getByRole('button', { name: 'Mark Step 3 done' }));
    expect(screen.queryByRole('alert')).toBeNull();
    const recorded = workspace.session.history.at(-1)!;
    expect(recorded).toMatchObject({ type: 'step.completed', server: FE1, step: 3, thumbprint: OAUTH });
    expect(recorded.type === 'step.completed' && recorded.certificates?.map((c) => c.use)).toEqual([
      'Default',
      'WebServicesInternal',
      'WebServicesExternal',
      'OAuthTokenIssuer',
    ]);
    expect(workspace.session.view().snapshot.context.oauth).toMatchObject({ server: FE1, thumbprint: OAUTH });
    // Recorded: no longer kept as typed, and the Step 3 card lists them, with what to look at.
    expect(host.preferences.get(key)).toBeNull();
    const card = screen.getByRole('listitem', { name: /^Step 3:/ });
    const shown = within(card).getByRole('table', { name: 'Certificates recorded with Step 3, per use' });
    expect(rows(shown).map((r) => r[0])).toEqual([
      'Default',
      'WebServicesInternal',
      'WebServicesExternal',
      'OAuthTokenIssuer',
    ]);
    expect(card.textContent).toContain('The WebServicesExternal certificate');
  });

  it('says before recording when the typed thumbprint is not the one the listing shows, and records nothing then', () => {
    const workspace = beforeAssignment();
    open(workspace);
    const other = 'E'.repeat(40);
    fireEvent.change(screen.getByLabelText(THUMBPRINT_FIELD), { target: { value: other } });
    fireEvent.change(screen.getByLabelText(PASTE), { target: { value: LISTING } });
    expect((screen.getByLabelText(THUMBPRINT_FIELD) as HTMLInputElement).value).toBe(other);
    expect(
      screen.getByText(
        `The Get-CsCertificate output below shows OAuthTokenIssuer ${OAUTH}, not this thumbprint: correct the one that is wrong before recording.`,
      ),
    ).toBeTruthy();
    const before = workspace.session.history.length;
    fireEvent.click(screen.getByRole('button', { name: 'Mark Step 3 done' }));
    expect(
      screen.getByText(/show OAuthTokenIssuer .*, not the thumbprint recorded with it/).closest('[role="alert"]'),
    ).not.toBeNull();
    expect(workspace.session.history).toHaveLength(before);
  });

  it('warns on a re-run whose listing has no OAuthTokenIssuer, and refuses a paste with no certificate in it', () => {
    vi.setSystemTime(new Date('2026-03-14T11:00:00Z'));
    const workspace = sampleWorkspace();
    open(workspace);
    fireEvent.click(screen.getByRole('button', { name: 'Record a re-run of Step 3' }));
    // fe01 assigned the certificate already: no thumbprint is asked again.
    expect(screen.queryByLabelText(THUMBPRINT_FIELD)).toBeNull();
    const paste = screen.getByLabelText(PASTE);
    fireEvent.change(paste, { target: { value: 'PS C:\\> Get-CsCertificate\nGet-CsCertificate : Access is denied.' } });
    const before = workspace.session.history.length;
    fireEvent.click(screen.getByRole('button', { name: 'Record Step 3 run again' }));
    expect(screen.getByRole('alert').textContent).toMatch(
      /^No certificate in the Get-CsCertificate output can be recorded: .* Correct the paste, or empty the box to record Step 3 without it\.$/,
    );
    expect(workspace.session.history).toHaveLength(before);

    fireEvent.change(paste, { target: { value: LISTING.slice(0, LISTING.lastIndexOf('Issuer            :')) } });
    const region = screen.getByLabelText('Certificates read');
    expect(region.textContent).toContain('No OAuthTokenIssuer certificate is listed');
    expect(region.textContent).toContain(
      'The WebServicesExternal certificate (9A8B7C6D5E4F30211203F4E5D6C7B8A9F0E1D2C3) expired on',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Record Step 3 run again' }));
    const recorded = workspace.session.history.at(-1)!;
    expect(recorded).toMatchObject({ type: 'step.completed', server: FE1, step: 3 });
    expect(recorded.type === 'step.completed' && recorded.certificates).toHaveLength(3);
    const card = screen.getByRole('listitem', { name: /^Step 3:/ });
    expect(card.textContent).toContain('No OAuthTokenIssuer certificate is listed');
  });

  it('keeps the paste through a reload, and refuses one far too large as it arrives', () => {
    const workspace = beforeAssignment();
    const { host, view } = open(workspace);
    fireEvent.change(screen.getByLabelText(PASTE), { target: { value: LISTING } });
    view.unmount();
    open(workspace, host);
    const paste = screen.getByLabelText(PASTE) as HTMLTextAreaElement;
    expect(paste.value).toBe(LISTING);

    const huge = 'Thumbprint : 0123\r\n'.repeat(60_000);
    fireEvent.paste(paste, { clipboardData: { getData: () => huge } });
    expect(screen.getByText(/was not put in the box; what the box held is kept/).textContent).toContain(
      `Paste only what Get-CsCertificate prints on ${FE1}.`,
    );
    expect(paste.value).toBe(LISTING);
  });
});
