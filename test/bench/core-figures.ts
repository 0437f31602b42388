/** Open, save and the three exports at each size, against the JSON.parse of the same file, and how they grow. */
import { parseDocument } from '../../renderer/core/document/load';
import { serializeDocument, toDocument } from '../../renderer/core/document/save';
import { exportRunbook, type RunbookFormat } from '../../renderer/core/runbook';
import { benchSession } from './generate';
import type { Figure } from './report';
import { exponent, measure, measureWith, type Sample } from './stats';

const AT = '2014-01-01T00:00:00.000Z';

interface SizeResult {
  readonly size: number;
  readonly events: number;
  readonly open: Sample;
  readonly parse: Sample;
  readonly save: Sample;
  readonly saveAgain: Sample;
  readonly exports: Readonly<Record<RunbookFormat, Sample>>;
  readonly fileMB: number;
  readonly overHistory: number;
}

function atSize(size: number, runs: number): SizeResult {
  const session = benchSession(size, 1);
  const text = serializeDocument(toDocument(session, AT));
  const history = JSON.stringify(session.history, null, 1);
  const opened = parseDocument(text);
  if (!opened.ok) throw new Error(opened.message);
  const fewer = Math.max(3, Math.round(runs / (size >= 5000 ? 3 : 1)));
  return {
    size,
    events: session.history.length,
    open: measure(() => parseDocument(text), fewer),
    parse: measure(() => JSON.parse(text), fewer),
    // The first save of a document just opened: every event's text is worked out (events fresh from
    // the file, as opening gives them).
    save: measureWith(
      () => ({ ...toDocument(session, AT), history: session.history.map((e) => ({ ...e })) }),
      (doc) => serializeDocument(doc),
      fewer,
    ),
    // Saving again after one more event (as autosave does after each change): only that event is new.
    saveAgain: measureWith(
      () => {
        const doc = toDocument(session, AT);
        serializeDocument(doc);
        const extra = { ...doc.history[doc.history.length - 1]! };
        return { ...doc, history: [...doc.history, extra] };
      },
      (doc) => serializeDocument(doc),
      fewer,
    ),
    exports: {
      md: measure(() => exportRunbook(session, 'md', AT), fewer),
      html: measure(() => exportRunbook(session, 'html', AT), fewer),
      json: measure(() => exportRunbook(session, 'json', AT), fewer),
    },
    fileMB: text.length / 2 ** 20,
    overHistory: text.length / history.length,
  };
}

/** The core's figures at the given sizes (the middle one, 500, carries the budgets). */
export function coreFigures(sizes: readonly number[], runs: number): Figure[] {
  const results = sizes.map((size) => atSize(size, runs));
  const figures: Figure[] = [];
  const group = 'core';
  for (const r of results) {
    const at500 = r.size === 500;
    const perServer = (r.events / r.size).toFixed(1);
    figures.push(
      {
        group,
        name: `open at ${r.size} (${r.events} events, ${perServer}/server)`,
        value: r.open.median,
        unit: 'ms',
        ...(at500 ? { budget: 150 } : r.size === 5000 ? { budget: 1500 } : {}),
        reference: { name: 'JSON.parse', value: r.parse.median },
        sample: r.open,
      },
      {
        group,
        name: `save at ${r.size} (first after opening)`,
        value: r.save.median,
        unit: 'ms',
        ...(at500 ? { budget: 50 } : {}),
        sample: r.save,
      },
      {
        group,
        name: `save at ${r.size} after one more event`,
        value: r.saveAgain.median,
        unit: 'ms',
        ...(at500 ? { budget: 50 } : {}),
        sample: r.saveAgain,
      },
      ...(['md', 'html', 'json'] as const).map((f): Figure => ({
        group,
        name: `export ${f} at ${r.size}`,
        value: r.exports[f].median,
        unit: 'ms',
        ...(at500 ? { budget: 200 } : {}),
        sample: r.exports[f],
      })),
      { group, name: `file size at ${r.size}`, value: r.fileMB, unit: 'MB' },
      { group, name: `file ÷ its history at ${r.size}`, value: r.overHistory, unit: 'x', budget: 1.1 },
    );
    if (at500) {
      figures.push({
        group,
        name: 'open at 500 ÷ JSON.parse of the file',
        value: r.open.median / r.parse.median,
        unit: 'x',
        budget: 5,
      });
    }
  }
  const small = results.find((r) => r.size === 500);
  const large = results.find((r) => r.size === 5000);
  if (small !== undefined && large !== undefined) {
    const k = (name: string, pick: (r: SizeResult) => Sample) =>
      figures.push({
        group,
        name: `growth k of ${name}, 500 → 5,000`,
        value: exponent({ size: 500, ms: pick(small).median }, { size: 5000, ms: pick(large).median }),
        unit: 'k',
        budget: 1.15,
      });
    k('open', (r) => r.open);
    k('save', (r) => r.save);
    k('export md', (r) => r.exports.md);
    k('export html', (r) => r.exports.html);
    k('export json', (r) => r.exports.json);
  }
  return figures;
}
