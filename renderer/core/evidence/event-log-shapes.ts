/**
 * Event log listings in the shapes admins paste — Get-WinEvent's table, Get-EventLog's table, either
 * cmdlet through Format-List, Event Viewer's copied text (and wevtutil's /f:text blocks, which use the
 * same labels), and the event's XML (Event Viewer's XML view, ToXml(), wevtutil /f:xml) — read into
 * one raw form.
 */
import { XMLParser } from 'fast-xml-parser';
import { SAFE_XML_OPTIONS } from '../xml/safe-parser';
import { MAX_LINE, type ConsoleLine } from './console-text';
import { field, listRecords } from './format-list';
import { consoleTables } from './format-table';
import type { EventLogShape } from './judgement';

/** One event as printed, before its date is read. */
export interface RawEvent {
  readonly shape: EventLogShape;
  readonly id: number | null;
  readonly timeText: string | null;
  readonly machine: string | null;
  readonly source: string | null;
  readonly logName: string | null;
  readonly line: number;
}

const LIST_KEYS: ReadonlySet<string> = new Set([
  'timecreated',
  'timegenerated',
  'timewritten',
  'id',
  'eventid',
  'instanceid',
  'providername',
  'source',
  'machinename',
  'pscomputername',
  'logname',
  'message',
  'leveldisplayname',
  'entrytype',
  'index',
  'recordid',
  'level',
  'category',
]);

/** The event ID from an Id / EventID cell, or from an InstanceID (whose low 16 bits are the ID). */
export function eventId(id: string | undefined, instanceId: string | undefined): number | null {
  if (id !== undefined && /^\d{1,5}$/.test(id.trim())) return Number(id.trim());
  if (instanceId !== undefined && /^\d{1,10}$/.test(instanceId.trim())) return Number(instanceId.trim()) % 65536;
  return null;
}

function orNull(value: string | undefined): string | null {
  return value === undefined || value.length === 0 ? null : value;
}

function isWinEventTable(names: readonly string[]): boolean {
  return names.includes('timecreated') && names.includes('id');
}

function isEventLogTable(names: readonly string[]): boolean {
  return (
    names.includes('index') && names.includes('time') && (names.includes('instanceid') || names.includes('eventid'))
  );
}

function fromTables(lines: readonly ConsoleLine[]): RawEvent[] {
  const out: RawEvent[] = [];
  for (const table of consoleTables(lines, (n) => isWinEventTable(n) || isEventLogTable(n))) {
    const winEvent = isWinEventTable(table.headers.map((h) => h.toLowerCase()));
    const groupSource =
      table.group !== null && /^providername$/i.test(table.group.name) ? table.group.value : undefined;
    for (const row of table.rows) {
      const get = (n: string): string | undefined => row.cells.get(n);
      out.push({
        shape: winEvent ? 'get-winevent-table' : 'get-eventlog-table',
        id: eventId(get('id') ?? get('eventid'), get('instanceid')),
        timeText: orNull(winEvent ? get('timecreated') : get('time')),
        machine: orNull(get('machinename') ?? get('pscomputername')),
        source: orNull(get('providername') ?? get('source') ?? groupSource),
        logName: orNull(get('logname')),
        line: row.line,
      });
    }
  }
  return out;
}

function fromLists(lines: readonly ConsoleLine[]): RawEvent[] {
  return listRecords(lines, LIST_KEYS)
    .filter(
      (r) =>
        ['timecreated', 'timegenerated', 'timewritten'].some((k) => r.fields.has(k)) &&
        ['id', 'eventid', 'instanceid'].some((k) => r.fields.has(k)),
    )
    .map((r) => ({
      shape: 'list' as const,
      id: eventId(field(r, 'Id') ?? field(r, 'EventID'), field(r, 'InstanceId')),
      timeText: orNull(field(r, 'TimeCreated') ?? field(r, 'TimeGenerated') ?? field(r, 'TimeWritten')),
      machine: orNull(field(r, 'MachineName') ?? field(r, 'PSComputerName')),
      source: orNull(field(r, 'ProviderName') ?? field(r, 'Source')),
      logName: orNull(field(r, 'LogName')),
      line: r.firstLine,
    }));
}

const LABEL =
  /^\s{0,8}(Log Name|Source|Date|Event ID|Task Category|Level|Keywords|User|Computer|OpCode|Description|Event Xml):\s{0,64}(.{0,1000})$/i;
const XML_TIME = /<TimeCreated\s+SystemTime=["']([^"'<>]{1,64})["']/i;
const XML_COMPUTER = /<Computer>([^<]{1,253})<\/Computer>/i;
const XML_ID = /<EventID(?:\s[^>]{0,200})?>(\d{1,10})<\/EventID>/i;
const XML_PROVIDER = /<Provider\s+Name=["']([^"'<>]{1,200})["']/i;
const XML_CHANNEL = /<Channel>([^<]{1,200})<\/Channel>/i;

/** True when the paste holds text copied from Event Viewer. */
export function looksLikeEventViewer(lines: readonly ConsoleLine[]): boolean {
  let id = false;
  let other = false;
  for (const line of lines) {
    if (line.text.length > MAX_LINE) continue;
    const label = LABEL.exec(line.text)?.[1]?.toLowerCase();
    if (label === 'event id') id = true;
    else if (label === 'log name' || label === 'source' || label === 'computer') other = true;
    if (id && other) return true;
  }
  return false;
}

function fromEventViewer(lines: readonly ConsoleLine[]): RawEvent[] {
  const out: RawEvent[] = [];
  let current: Map<string, string> | null = null;
  let start = 0;
  let inText = false;
  const close = (): void => {
    if (current !== null && (current.has('event id') || current.has('xml:id'))) {
      // Event Xml's SystemTime is UTC and exact; prefer it to the Date line in the local format.
      out.push({
        shape: 'event-viewer',
        id: eventId(current.get('xml:id') ?? current.get('event id'), undefined),
        timeText: orNull(current.get('xml:time') ?? current.get('date')),
        machine: orNull(current.get('xml:computer') ?? current.get('computer')),
        source: orNull(current.get('xml:provider') ?? current.get('source')),
        logName: orNull(current.get('xml:channel') ?? current.get('log name')),
        line: start,
      });
    }
    current = null;
  };
  for (const line of lines) {
    if (line.text.length > MAX_LINE || line.blank) continue;
    const m = LABEL.exec(line.text);
    const label = m?.[1]?.toLowerCase();
    // An event starts at "Log Name:", or at a second "Event ID:" when a copy left the log name out.
    if (
      label === 'log name' ||
      (label === 'event id' && current !== null && (current as Map<string, string>).has('event id'))
    ) {
      close();
      current = new Map();
      start = line.no;
      inText = false;
    }
    if (label !== undefined && (!inText || label === 'log name')) {
      if (current === null) {
        current = new Map();
        start = line.no;
      }
      const bag: Map<string, string> = current;
      if (!bag.has(label)) bag.set(label, (m?.[2] ?? '').trim());
      // After Description comes free text, whose lines may look like labels.
      if (label === 'description' || label === 'event xml') inText = true;
      continue;
    }
    if (current === null) continue;
    const bag: Map<string, string> = current;
    for (const [key, pattern] of [
      ['xml:time', XML_TIME],
      ['xml:computer', XML_COMPUTER],
      ['xml:id', XML_ID],
      ['xml:provider', XML_PROVIDER],
      ['xml:channel', XML_CHANNEL],
    ] as const) {
      const found = pattern.exec(line.text)?.[1];
      if (found !== undefined && !bag.has(key)) bag.set(key, found.trim());
    }
  }
  close();
  return out;
}

// Entities are never expanded and values stay text: a pasted event is data, never markup to act on.
const xmlParser = new XMLParser({
  ...SAFE_XML_OPTIONS,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  maxNestedTags: 32,
});
/** The start of an <Event> element (not <EventID> or <EventData>). */
const EVENT_START = /<Event[\s>]/g;
const MAX_XML_EVENTS = 500;

/** The text of an element that may carry attributes ({"#text": …}) or be missing. */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'object' && value !== null && '#text' in value) return String(value['#text']).trim();
  return undefined;
}

function attribute(value: unknown, name: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const found = (value as Record<string, unknown>)[`@${name}`];
  return typeof found === 'string' ? found.trim() : undefined;
}

/** Events given as XML only (no Event Viewer labels around them). */
function fromXml(lines: readonly ConsoleLine[]): RawEvent[] {
  const kept = lines.filter((l) => l.noise === null && l.text.length <= MAX_LINE);
  const text = kept.map((l) => l.text).join('\n');
  if (!text.includes('<Event')) return [];
  const out: RawEvent[] = [];
  let counted = 0;
  let newlines = 0;
  // One pass: each <Event …> up to the next </Event> (wevtutil /f:xml prints them one after another).
  EVENT_START.lastIndex = 0;
  for (let start = EVENT_START.exec(text); start !== null; start = EVENT_START.exec(text)) {
    if (out.length >= MAX_XML_EVENTS) break;
    const end = text.indexOf('</Event>', start.index);
    if (end === -1) break;
    EVENT_START.lastIndex = end + '</Event>'.length;
    const element = text.slice(start.index, EVENT_START.lastIndex);
    let parsed: unknown;
    try {
      parsed = xmlParser.parse(element);
    } catch {
      continue;
    }
    const system = (parsed as { Event?: { System?: Record<string, unknown> } }).Event?.System;
    if (system === undefined) continue;
    for (let i = text.indexOf('\n', counted); i !== -1 && i < start.index; i = text.indexOf('\n', i + 1)) newlines++;
    counted = start.index;
    out.push({
      shape: 'xml',
      id: eventId(textOf(system.EventID), undefined),
      timeText: orNull(attribute(system.TimeCreated, 'SystemTime')),
      machine: orNull(textOf(system.Computer)),
      source: orNull(attribute(system.Provider, 'Name')),
      logName: orNull(textOf(system.Channel)),
      line: kept[newlines]?.no ?? 1,
    });
  }
  return out;
}

/** True when the paste holds an event listing in any of the shapes read. */
export function looksLikeEventLog(lines: readonly ConsoleLine[]): boolean {
  return (
    looksLikeEventViewer(lines) ||
    fromTables(lines).length > 0 ||
    fromLists(lines).length > 0 ||
    fromXml(lines).length > 0
  );
}

/** Every event of the paste, in the order printed. */
export function rawEvents(lines: readonly ConsoleLine[]): RawEvent[] {
  // Event Viewer's copied text carries the event's XML too: read once, from the labels and their XML.
  const events = looksLikeEventViewer(lines) ? fromEventViewer(lines) : fromXml(lines);
  return [...events, ...fromTables(lines), ...fromLists(lines)].sort((a, b) => a.line - b.line);
}
