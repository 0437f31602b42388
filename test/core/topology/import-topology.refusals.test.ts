import { describe, expect, it } from 'vitest';
import { importTopology } from '../../../renderer/core/topology/import-topology';
import { BILLION_LAUGHS, DOCUMENT_CASES } from './refusal-cases.document';
import { TOPOLOGY_CASES } from './refusal-cases.topology';
import { lync, published } from './refusal-inputs';
import { enterpriseXml, expectImported, expectRefused } from './support';

/** Each malformed input, and what the admin must be told about it. */
const CASES = [...DOCUMENT_CASES, ...TOPOLOGY_CASES];

describe('importTopology refuses malformed input with a message', () => {
  it.each(CASES)('$name', ({ xml, says }) => {
    expect(expectRefused(importTopology(xml, lync))).toMatch(says);
  });

  it('has at least 20 distinct cases', () => {
    expect(new Set(CASES.map((c) => c.name)).size).toBeGreaterThanOrEqual(20);
  });

  it('keeps messages short even when the parser quotes a huge piece of the input', () => {
    const result = importTopology(`<a b="1">${'<'.repeat(100_000)}`, lync);
    const problems = expectRefused(result);
    expect(problems).toMatch(/not well-formed XML/);
    expect(problems.length).toBeLessThan(600);
  });

  it('expands nothing: the entity attack is refused before any element is read', () => {
    const result = importTopology(BILLION_LAUGHS, lync);
    expect(JSON.stringify(result)).not.toContain('lollol');
  });

  it('refuses a product that is not supported', () => {
    expect(expectRefused(importTopology(published, { product: 'lync2010' as never }))).toMatch(
      /Choose the product version/,
    );
  });

  it('lists every FQDN problem at once rather than the first only', () => {
    const xml = published
      .replace('Fqdn="fe02.contoso.local"', 'Fqdn="fe 02"')
      .replace('Fqdn="fe03.contoso.local"', 'Fqdn="-fe03.contoso.local"');
    const result = importTopology(xml, lync);
    expect(result.ok ? [] : result.problems).toHaveLength(2);
  });

  it('does not validate the names of skipped clusters: a gateway given by IP address is fine', () => {
    const xml = enterpriseXml({
      clusters: [{ fqdn: '10.0.0.5', setup: false, machines: ['10.0.0.5'] }],
      services: [{ role: 'PstnGateway', on: 1 }],
    });
    const result = expectImported(importTopology(xml, lync));
    expect(result.skipped).toEqual([
      { fqdn: '10.0.0.5', reason: expect.stringMatching(/^PSTN gateway:/) as unknown as string },
    ]);
  });

  it('warns, without refusing, when a skipped cluster names an imported server', () => {
    const xml = enterpriseXml({
      clusters: [{ fqdn: 'fs.contoso.local', setup: false, machines: ['fe01.contoso.local'] }],
      services: [{ role: 'FileStore', on: 1 }],
    });
    const result = expectImported(importTopology(xml, lync));
    expect(result.warnings.join(' ')).toMatch(
      /Server fe01\.contoso\.local is in pool fepool\.contoso\.local and also in the skipped cluster fs\.contoso\.local/,
    );
  });
});
