import { describe, expect, it } from 'vitest';
import { consoleLines } from '../../../renderer/core/evidence/console-text';
import { consoleTables, isTruncatedCell } from '../../../renderer/core/evidence/format-table';
import { fixture } from './evidence-kit';

const all = (): boolean => true;

describe('table output', () => {
  it('cuts dates wider than their header and right-aligned numbers into the right columns', () => {
    const [table] = consoleTables(consoleLines(fixture('event-log/get-winevent-table.txt')), all);
    expect(table!.group).toEqual({ name: 'ProviderName', value: 'LS Replica Replicator Agent Service' });
    expect(table!.rows.map((r) => [r.cells.get('timecreated'), r.cells.get('id')])).toEqual([
      ['3/15/2013 9:12:00 AM', '3038'],
      ['3/14/2013 4:40:12 PM', '3038'],
      ['11/24/2012 8:08:05 PM', '3038'],
    ]);
  });

  it('reads Get-EventLog columns, with right-aligned Index and InstanceID', () => {
    const [table] = consoleTables(consoleLines(fixture('event-log/get-eventlog-table.txt')), all);
    const row = table!.rows[0]!;
    expect([
      row.cells.get('index'),
      row.cells.get('time'),
      row.cells.get('source'),
      row.cells.get('instanceid'),
    ]).toEqual(['48213', 'Mar 15 09:12', 'LS Replica Replica...', '3038']);
    expect(isTruncatedCell(row.cells.get('source')!)).toBe(true);
  });

  it('keeps empty cells empty', () => {
    const [table] = consoleTables(consoleLines(fixture('replication-status/table-en-gb.txt')), all);
    const edge = table!.rows[2]!;
    expect(edge.cells.get('replicafqdn')).toBe('edge01.perimeter.contoso.com');
    expect(edge.cells.get('laststatusreport')).toBe('');
    expect(edge.cells.get('lastupdatecreation')).toBe('14/03/2013 10:01:58');
    expect(table!.atEnd).toBe(false);
  });

  it('needs a header above the ruler', () => {
    expect(consoleTables(consoleLines('\n-----\nx'), all)).toHaveLength(0);
    expect(consoleTables(consoleLines('a - b\n--- -\n'), all)).toHaveLength(0);
  });
});
