/**
 * The options every XML parser of the core shares (fast-xml-parser): the parser never expands an
 * entity, never turns text into numbers or booleans, and skips declarations and processing
 * instructions. Each reader adds only its own shape (order kept, attribute names, namespaces).
 */
import type { X2jOptions } from 'fast-xml-parser';

export const SAFE_XML_OPTIONS = {
  ignoreAttributes: false,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
} as const satisfies Partial<X2jOptions>;
