import { CURRENT_SCHEMA_VERSION } from '../../../renderer/core/document/document';
import { documentVersions } from './documents';

// Every case is built from the same field-report documents the store tests open successfully.
const [V0, V1, V2] = documentVersions();

/** A valid document with one change made to its parsed JSON. */
function edited(
  change: (
    doc: Record<string, unknown> & { deployment: Record<string, unknown>; history: Record<string, unknown>[] },
  ) => void,
  base = V2,
): string {
  const doc = JSON.parse(base);
  change(doc);
  return JSON.stringify(doc, null, 1);
}

/** The field report cut short at bytes from the very start to just before the end. */
export const truncations = [
  1,
  2,
  10,
  50,
  100,
  500,
  1000,
  Math.floor(V2.length / 3),
  Math.floor(V2.length / 2),
  V2.length - 200,
  V2.length - 50,
  V2.length - 10,
  V2.length - 3,
  V2.length - 2,
].map((at): [string, string] => [`cut short at byte ${at} of ${V2.length}`, V2.slice(0, at)]);

/** Valid JSON with a field of the wrong type or value, or an unknown field. */
export const wrongTypes: [string, string][] = [
  ['format is a number', edited((d) => (d.format = 1))],
  ['format names another program', edited((d) => (d.format = 'lync-topology'))],
  ['schemaVersion is a string', edited((d) => (d.schemaVersion = '1'))],
  ['savedAt is a number', edited((d) => (d.savedAt = 42))],
  ['savedAt is not a time', edited((d) => (d.savedAt = 'yesterday'))],
  ['deployment is null', edited((d) => (d.deployment = null as never))],
  ['deployment name is a number', edited((d) => (d.deployment.name = 5))],
  ['product is not supported', edited((d) => (d.deployment.product = 'lync2010'))],
  ['servers is a string', edited((d) => (d.deployment.servers = 'fe01'))],
  [
    'a server FQDN is not an FQDN',
    edited((d) => ((d.deployment.servers as Record<string, unknown>[])[0]!.fqdn = 'not an fqdn')),
  ],
  ['pools is missing', edited((d) => delete d.deployment.pools)],
  ['history is empty', edited((d) => (d.history = []))],
  ['history is a string', edited((d) => (d.history = 'events' as never))],
  ['an event has an unknown type', edited((d) => (d.history[1]!.type = 'server.exploded'))],
  ['an event time is not a time', edited((d) => (d.history[1]!.at = '14/03/2013 10:00'))],
  ['an event step is out of range', edited((d) => (d.history[1]!.step = 7))],
  ['an unknown field (a stored snapshot, as version 1 had)', edited((d) => (d.snapshot = 'cached'))],
  ['an unknown field holding an object', edited((d) => (d.snapshot = { machineVersion: 5, value: null }))],
];

/** Schema versions this build cannot read: newer, out of range, or missing. */
export const versions: [string, string][] = [
  [
    `saved by a newer version (${CURRENT_SCHEMA_VERSION + 1})`,
    edited((d) => (d.schemaVersion = CURRENT_SCHEMA_VERSION + 1)),
  ],
  ['saved by a much newer version (99)', edited((d) => (d.schemaVersion = 99))],
  ['schema version 0', edited((d) => (d.schemaVersion = 0))],
  ['negative schema version', edited((d) => (d.schemaVersion = -1))],
  ['fractional schema version', edited((d) => (d.schemaVersion = 1.5))],
  ['null schema version', edited((d) => (d.schemaVersion = null))],
  ['no schema version', edited((d) => delete d.schemaVersion)],
];

/** Histories that do not replay, or do not replay to the topology stored beside them. */
export const histories: [string, string][] = [
  ['history does not start with the creation', edited((d) => d.history.shift())],
  ['history replays a step on an unknown server', edited((d) => (d.history[1]!.server = 'ghost.contoso.local'))],
  ['history records Step 2 twice', edited((d) => d.history.push({ ...d.history.find((e) => e.step === 2)! }))],
  ['history runs Step 2 before Step 1', edited((d) => d.history.splice(1, 1), V2)],
  ['topology does not match the history', edited((d) => (d.deployment.name = 'Fabrikam'))],
  ['history has a second creation', edited((d) => d.history.push({ ...d.history[0]! }))],
];

/** Text that is not a lync-runbook document at all. */
export const foreign: [string, string][] = [
  ['an empty object', '{}'],
  ['an array', '[1,2,3]'],
  ['a JSON string', '"lync-runbook"'],
  ['a JSON number', '42'],
  ['JSON null', 'null'],
  ['a package.json', '{"name":"lync-runbook","version":"0.1.0","scripts":{}}'],
  [
    'a topology export',
    '<?xml version="1.0" encoding="utf-8"?><Topology xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008"/>',
  ],
  ['PowerShell output', 'Identity       : fe02.contoso.local\r\nUpToDate       : True\r\n'],
  ['JSON followed by garbage', `${V0}garbage`],
  ['two documents one after the other', `${V0}${V1}`],
  ['deeply nested arrays', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
  ['only whitespace', ' \n\t \n'],
  ['NUL bytes', '\0'.repeat(64)],
];

/** Bytes that are not UTF-8 text. */
export const binary: [string, Uint8Array][] = [
  [
    'a PNG image',
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe]),
  ],
  ['a ZIP archive', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x08, 0x08, 0xc3, 0x28, 0xff])],
  ['random bytes', new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256))],
  ['the document in UTF-16', new Uint8Array(Buffer.from(`\ufeff${V0}`, 'utf16le'))],
  [
    'the document with a byte damaged to invalid UTF-8',
    (() => {
      const bytes = new Uint8Array(Buffer.from(V2, 'utf8'));
      bytes[Math.floor(bytes.length / 2)] = 0xff;
      return bytes;
    })(),
  ],
];

/** Every malformed text: an empty file and all of the cases above. */
export const textCases: [string, string][] = [
  ['an empty file', ''],
  ...truncations,
  ...wrongTypes,
  ...versions,
  ...histories,
  ...foreign,
];
