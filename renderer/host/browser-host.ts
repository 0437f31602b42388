import type {
  DocumentHandle,
  ExportFormat,
  Host,
  HostCommand,
  OpenedDocument,
  RecentDocument,
  RecoveredDocument,
} from './host';
import { HostError } from './host';
import { localPreferences } from './preferences';

/**
 * The Host for a plain browser (`npm run web`, and the end-to-end tests): documents live in
 * IndexedDB under ids this host issues, files can be opened from disk with a file picker, exports
 * are downloads, and the clipboard is the Clipboard API.
 */

const DB_NAME = 'lync-runbook';
const DB_VERSION = 1;
const DOCUMENTS = 'documents';
const RECOVERY = 'recovery';
const RECOVERY_KEY = 'current';
const LOCATION = 'this browser';

interface StoredDocument {
  readonly id: string;
  readonly name: string;
  readonly text: string;
  readonly at: string;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(DOCUMENTS)) db.createObjectStore(DOCUMENTS, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(RECOVERY)) db.createObjectStore(RECOVERY);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () =>
      reject(
        new HostError(
          `This browser would not open its storage for lync-runbook (${req.error?.message ?? 'unknown error'}). Allow site data for this page, or use the desktop app.`,
        ),
      );
  });
}

function newId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** "Contoso HQ" → "contoso-hq.lyncrunbook". */
export function fileNameFor(suggested: string, extension: string): string {
  const base =
    suggested
      .replace(/\.[a-z]+$/i, '')
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'deployment';
  return `${base}.${extension}`;
}

const MIME: Readonly<Record<ExportFormat, string>> = {
  md: 'text/markdown;charset=utf-8',
  html: 'text/html;charset=utf-8',
  json: 'application/json;charset=utf-8',
  pdf: 'application/pdf',
};

function download(name: string, content: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve(null);
      input.remove();
    });
    document.body.appendChild(input);
    input.click();
  });
}

async function copyWithFallback(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // Clipboard API refused (no permission, or not a secure context): use a selection copy.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new HostError('The browser did not allow copying. Select the script and copy it with Ctrl+C.');
}

const SHORTCUTS: Readonly<Record<string, HostCommand['type']>> = { n: 'new', o: 'open', s: 'save', e: 'export' };

/** A Host backed by the browser; `factory` is injectable for tests. */
export function createBrowserHost(factory: IDBFactory = indexedDB): Host {
  let db: Promise<IDBDatabase> | null = null;
  // Files opened from disk get an id now and are stored when first saved.
  const openedNames = new Map<string, string>();
  const database = () => (db ??= openDatabase(factory));
  const store = async (name: string, mode: IDBTransactionMode) =>
    (await database()).transaction(name, mode).objectStore(name);

  async function readStored(id: DocumentHandle): Promise<StoredDocument> {
    const found = (await request((await store(DOCUMENTS, 'readonly')).get(id))) as StoredDocument | undefined;
    if (found === undefined)
      throw new HostError(
        'That deployment is no longer stored in this browser. It may have been cleared with the site data.',
      );
    return found;
  }

  async function put(doc: StoredDocument): Promise<void> {
    await request((await store(DOCUMENTS, 'readwrite')).put(doc));
  }

  return {
    kind: 'browser',
    canExportPdf: false,

    async printHtml(html: string): Promise<void> {
      const url = URL.createObjectURL(new Blob([html], { type: MIME.html }));
      const shown = window.open(url, '_blank');
      if (shown === null) {
        URL.revokeObjectURL(url);
        throw new Error(
          'The browser blocked the window the runbook prints from: allow pop-ups for this page, or download the HTML runbook and print it.',
        );
      }
      shown.addEventListener('load', () => {
        shown.focus();
        shown.print();
      });
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
    preferences: localPreferences(),

    async openDocument(): Promise<OpenedDocument | null> {
      const file = await pickFile('.lyncrunbook,.json,application/json');
      if (file === null) return null;
      const text = await file.text();
      const id = newId();
      openedNames.set(id, file.name);
      return { handle: id, name: file.name, location: 'opened from a file', text };
    },

    async openRecent(handle) {
      const doc = await readStored(handle);
      await put({ ...doc, at: new Date().toISOString() });
      return { handle: doc.id, name: doc.name, location: LOCATION, text: doc.text };
    },

    async saveDocument({ handle, suggestedName, text, saveAs }) {
      let id = handle;
      let name = fileNameFor(suggestedName, 'lyncrunbook');
      if (id !== null && !saveAs) {
        const existing = (await request((await store(DOCUMENTS, 'readonly')).get(id))) as StoredDocument | undefined;
        name = existing?.name ?? openedNames.get(id) ?? name;
      } else {
        id = newId();
        if (saveAs) name = fileNameFor(`${suggestedName} copy`, 'lyncrunbook');
      }
      await put({ id, name, text, at: new Date().toISOString() });
      return { handle: id, name, location: LOCATION };
    },

    async listRecent(): Promise<readonly RecentDocument[]> {
      const all = (await request((await store(DOCUMENTS, 'readonly')).getAll())) as StoredDocument[];
      return all
        .sort((a, b) => b.at.localeCompare(a.at))
        .slice(0, 12)
        .map((d) => ({ handle: d.id, name: d.name, location: LOCATION, at: d.at }));
    },

    async forgetRecent(handle) {
      await request((await store(DOCUMENTS, 'readwrite')).delete(handle));
    },

    async autosave({ handle, name, text }) {
      const entry: RecoveredDocument = { handle, name, text, at: new Date().toISOString() };
      await request((await store(RECOVERY, 'readwrite')).put(entry, RECOVERY_KEY));
    },

    async clearAutosave() {
      await request((await store(RECOVERY, 'readwrite')).delete(RECOVERY_KEY));
    },

    async findRecovery() {
      const found = (await request((await store(RECOVERY, 'readonly')).get(RECOVERY_KEY))) as
        RecoveredDocument | undefined;
      return found ?? null;
    },

    async exportFile({ suggestedName, format, content }) {
      if (format === 'pdf')
        throw new HostError(
          'PDF export needs the desktop app. In the browser, export HTML, open it and print it to PDF.',
        );
      const name = fileNameFor(suggestedName, format);
      download(name, content, MIME[format]);
      return { name };
    },

    copyText: copyWithFallback,

    async defaultOperator() {
      return '';
    },

    timeZone() {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    },

    setDirty(_dirty, title) {
      document.title = title;
    },

    onCommand(listener) {
      const onKey = (e: KeyboardEvent) => {
        if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
        const type = SHORTCUTS[e.key.toLowerCase()];
        if (type === undefined) return;
        e.preventDefault();
        listener({ type: type === 'save' && e.shiftKey ? 'save-as' : type } as HostCommand);
      };
      window.addEventListener('keydown', onKey);
      return () => window.removeEventListener('keydown', onKey);
    },
  };
}
