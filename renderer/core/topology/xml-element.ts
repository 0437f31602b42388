/** The namespace-resolved element tree the topology readers walk, and the accessors they walk it with. */

/** One XML element with its namespace resolved, the only shape the topology readers look at. */
export interface XmlElement {
  /** Namespace URI, or null for an element in no namespace. */
  readonly ns: string | null;
  readonly local: string;
  /** Attributes without a prefix (the topology formats use no others), entity references decoded. */
  readonly attrs: ReadonlyMap<string, string>;
  readonly children: readonly XmlElement[];
  /** The element's own text (CDATA included), entity references decoded, trimmed. */
  readonly text: string;
}

/** The outcome of reading a document: its root element, or why it was refused. */
export type XmlReadResult =
  { readonly ok: true; readonly root: XmlElement } | { readonly ok: false; readonly problem: string };

/** Child elements of `el` in namespace `ns` named `local`, in document order. */
export function childrenOf(el: XmlElement, ns: string | readonly string[], local: string): XmlElement[] {
  const uris: readonly (string | null)[] = typeof ns === 'string' ? [ns] : ns;
  return el.children.filter((c) => c.local === local && uris.includes(c.ns));
}

/** The first child element of `el` in namespace `ns` named `local`, if any. */
export function childOf(el: XmlElement, ns: string | readonly string[], local: string): XmlElement | undefined {
  return childrenOf(el, ns, local)[0];
}

/** An attribute value, trimmed, or null when missing or blank. */
export function attrOf(el: XmlElement, name: string): string | null {
  const value = el.attrs.get(name)?.trim();
  return value === undefined || value === '' ? null : value;
}

/** The element's qualified name for messages, e.g. `<Cluster>` in urn:… */
export function describeElement(el: XmlElement): string {
  return el.ns === null ? `<${el.local}> (in no namespace)` : `<${el.local}> in namespace ${el.ns}`;
}
