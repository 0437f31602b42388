import { describe, expect, it } from 'vitest';
import { consoleLines } from '../../../renderer/core/evidence/console-text';
import { field, listRecords } from '../../../renderer/core/evidence/format-list';

const names = new Set(['uptodate', 'replicafqdn', 'lastupdatecreation', 'message', 'id']);

describe('list output', () => {
  it('starts a new record when a property repeats, and keeps empty values', () => {
    const records = listRecords(
      consoleLines('UpToDate : True\nReplicaFqdn :\n\nUpToDate : False\nReplicaFqdn : fe03.contoso.local'),
      names,
    );
    expect(records).toHaveLength(2);
    expect(field(records[0]!, 'ReplicaFqdn')).toBe('');
    expect(field(records[1]!, 'replicafqdn')).toBe('fe03.contoso.local');
    expect(records[1]!.atEnd).toBe(true);
    expect(records[0]!.atEnd).toBe(false);
  });

  it('joins a wrapped value and keeps a blank line inside a record from splitting it', () => {
    const text = 'Id      : 3038\nMessage : first part\n          second part\n\nUpToDate : True';
    const [record] = listRecords(consoleLines(text), names);
    expect(field(record!, 'Message')).toBe('first part second part');
    expect(field(record!, 'UpToDate')).toBe('True');
  });

  it('ends a record at a prompt or an error', () => {
    const text = 'UpToDate : True\nPS C:\\> again\nReplicaFqdn : fe01.contoso.local';
    expect(listRecords(consoleLines(text), names)).toHaveLength(2);
  });

  it('ignores property names it was not asked for', () => {
    expect(listRecords(consoleLines('Name : x\nStatus : Running'), names)).toHaveLength(0);
  });
});
