import { z } from 'zod';
import { INVOKE_CHANNELS, type InvokeChannel } from './channels';

/**
 * Largest document text that crosses IPC, in characters: the document limit of the core
 * (MAX_DOCUMENT_BYTES, repeated here because this contract may not import the renderer; a test
 * keeps the two equal).
 */
export const MAX_DOCUMENT_CHARS = 256 * 1024 * 1024;

/** Largest exported runbook (a rendering of the document can be larger than the document). */
export const MAX_EXPORT_CHARS = 2 * MAX_DOCUMENT_CHARS;

/** Largest text put on the clipboard (a script or a runbook section). */
export const MAX_CLIPBOARD_CHARS = 4 * 1024 * 1024;

// No control characters in names and titles: they end up in dialogs, menus and file names.
const printable = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !/\p{Cc}/u.test(s), { message: 'must not contain control characters' });

/** An opaque document handle issued by main: random, URL-safe, never a path. */
export const handleSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, { message: 'is not a document handle' });

/** A file name as the user knows it (no folders). */
export const fileNameSchema = printable(255).min(1);

/** A document main has read and checked. */
export const openedDocumentSchema = z.strictObject({
  handle: handleSchema,
  name: fileNameSchema,
  location: printable(4096),
  text: z.string().max(MAX_DOCUMENT_CHARS),
});

/** Where a document was saved. */
export const savedDocumentSchema = z.strictObject({
  handle: handleSchema,
  name: fileNameSchema,
  location: printable(4096),
});

/** One entry of the recent list. */
export const recentDocumentSchema = z.strictObject({
  handle: handleSchema,
  name: fileNameSchema,
  location: printable(4096),
  at: z.string().max(40),
});

/** The recovery copy found on start. */
export const recoveredDocumentSchema = z.strictObject({
  handle: handleSchema.nullable(),
  name: printable(255),
  text: z.string().max(MAX_DOCUMENT_CHARS),
  at: z.string().max(40),
});

/** The formats a runbook exports to (as in the Host interface). */
export const exportFormatSchema = z.enum(['md', 'html', 'json', 'pdf']);

/** What the renderer learns about the app and the workstation. */
export const appInfoSchema = z.strictObject({
  name: z.string().max(100),
  version: z.string().max(50),
  operator: z.string().max(100),
  platform: z.string().max(20),
});

/** Commands pushed from main (same shapes as HostCommand in renderer/host/host.ts). */
export const hostCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('new') }),
  z.strictObject({ type: z.literal('open') }),
  z.strictObject({ type: z.literal('import-topology') }),
  z.strictObject({ type: z.literal('save') }),
  z.strictObject({ type: z.literal('save-as') }),
  z.strictObject({ type: z.literal('export') }),
  z.strictObject({ type: z.literal('close') }),
  z.strictObject({ type: z.literal('about') }),
  z.strictObject({ type: z.literal('opened'), document: openedDocumentSchema }),
]);

const none = z.null();

/** Every invoke channel with the schema of its one argument and of its answer's value. */
export const CONTRACT = {
  [INVOKE_CHANNELS.openDocument]: { request: none, response: openedDocumentSchema.nullable() },
  [INVOKE_CHANNELS.openRecent]: { request: z.strictObject({ handle: handleSchema }), response: openedDocumentSchema },
  // The path comes from `webUtils.getPathForFile` in the preload, for a file the user dropped.
  [INVOKE_CHANNELS.openDropped]: { request: z.strictObject({ path: printable(4096).min(1) }), response: none },
  [INVOKE_CHANNELS.saveDocument]: {
    request: z.strictObject({
      handle: handleSchema.nullable(),
      suggestedName: printable(255),
      text: z.string().min(1).max(MAX_DOCUMENT_CHARS),
      saveAs: z.boolean(),
    }),
    response: savedDocumentSchema.nullable(),
  },
  [INVOKE_CHANNELS.listRecent]: { request: none, response: z.array(recentDocumentSchema).max(100) },
  [INVOKE_CHANNELS.forgetRecent]: { request: z.strictObject({ handle: handleSchema }), response: none },
  [INVOKE_CHANNELS.writeRecovery]: {
    request: z.strictObject({
      handle: handleSchema.nullable(),
      name: printable(255),
      text: z.string().max(MAX_DOCUMENT_CHARS),
    }),
    response: none,
  },
  [INVOKE_CHANNELS.clearRecovery]: { request: none, response: none },
  [INVOKE_CHANNELS.findRecovery]: { request: none, response: recoveredDocumentSchema.nullable() },
  [INVOKE_CHANNELS.exportRunbook]: {
    request: z.strictObject({
      suggestedName: printable(255),
      format: exportFormatSchema,
      content: z.string().max(MAX_EXPORT_CHARS),
    }),
    response: z.strictObject({ name: fileNameSchema }).nullable(),
  },
  [INVOKE_CHANNELS.writeClipboard]: {
    request: z.strictObject({ text: z.string().max(MAX_CLIPBOARD_CHARS) }),
    response: none,
  },
  [INVOKE_CHANNELS.appInfo]: { request: none, response: appInfoSchema },
  [INVOKE_CHANNELS.setDirty]: {
    request: z.strictObject({ dirty: z.boolean(), title: printable(300) }),
    response: none,
  },
  [INVOKE_CHANNELS.listen]: { request: none, response: none },
} as const satisfies Record<InvokeChannel, { request: z.ZodType; response: z.ZodType }>;

/** The argument type of a channel. */
export type RequestOf<C extends InvokeChannel> = z.infer<(typeof CONTRACT)[C]['request']>;
/** The answer's value type of a channel. */
export type ResponseOf<C extends InvokeChannel> = z.infer<(typeof CONTRACT)[C]['response']>;

/** Every answer: the value, or a message for the user (a refused file, a failed save). */
export type IpcResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** One command pushed from main. */
export type HostCommandPayload = z.infer<typeof hostCommandSchema>;
/** What the renderer learns about the app. */
export type AppInfo = z.infer<typeof appInfoSchema>;
