import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { Host, Preferences } from '../../renderer/host/host';

/** A host that keeps everything in memory and records what the UI asked of it. */
export function memoryHost(overrides: Partial<Host> = {}): Host & { copied: string[]; autosaves: number } {
  const prefs = new Map<string, string>();
  const preferences: Preferences = {
    get: (k) => prefs.get(k) ?? null,
    set: (k, v) => (v === null ? prefs.delete(k) : prefs.set(k, v)),
  };
  const host = {
    kind: 'browser' as const,
    canExportPdf: false,
    preferences,
    copied: [] as string[],
    autosaves: 0,
    openDocument: async () => null,
    openRecent: async () => {
      throw new Error('none');
    },
    saveDocument: async () => ({ handle: 'h1', name: 'x.lyncrunbook', location: 'memory' }),
    listRecent: async () => [],
    forgetRecent: async () => undefined,
    autosave: async () => {
      host.autosaves++;
    },
    clearAutosave: async () => undefined,
    findRecovery: async () => null,
    exportFile: async () => null,
    copyText: async (text: string) => {
      host.copied.push(text);
    },
    defaultOperator: async () => 'tester',
    timeZone: () => 'UTC',
    setDirty: () => undefined,
    onCommand: () => () => undefined,
    ...overrides,
  };
  return host;
}

/** Renders inside Fluent's provider, as the app does. */
export function renderUi(ui: ReactElement) {
  return render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
}
