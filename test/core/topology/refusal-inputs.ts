// What the refusal tests start from: the two fixture documents, the import options, and the shape of a case.
import { readFixture } from './support';

export const published = readFixture('published-enterprise.xml');
export const tbxml = readFixture('never-published.tbxml');
export const lync = { product: 'lync2013' } as const;

/** One malformed input, and what the admin must be told about it. */
export interface RefusalCase {
  readonly name: string;
  readonly xml: string;
  readonly says: RegExp;
}
