/** `lync-runbook import-topology`: a deployment file from a published topology or a Topology Builder document. */
import { ROLE_LABELS } from '../../../renderer/core/model/deployment';
import { PRODUCT_VERSIONS } from '../../../renderer/core/model/product';
import { importTopology } from '../../../renderer/core/topology/import-topology';
import { oneOf, optional, parseCommandArgs, required } from '../args';
import { UsageError } from '../cli-error';
import { readTextFile } from '../files';
import type { CliIo } from '../io';
import { createSession, saveSession, stampingOf, STAMP_OPTIONS } from '../session-options';
import { checkNewFile } from './new';

const C = 'import-topology';

/** Imports the topology and writes the new deployment file; stops (exit 2) when the CMS pool must be chosen. */
export async function runImportTopology(argv: readonly string[], io: CliIo): Promise<number | 'help'> {
  const args = parseCommandArgs(
    C,
    argv,
    {
      product: { type: 'string' },
      'cms-pool': { type: 'string' },
      name: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      ...STAMP_OPTIONS,
    },
    { min: 1, max: 1, names: 'the topology file (XML)' },
  );
  if (args.help) return 'help';
  const file = args.positionals[0]!;
  const product = oneOf(required(args, 'product', C, 'lync2013|sfb2015|sfb2019'), PRODUCT_VERSIONS, 'The product', C);
  const out = required(args, 'out', C, 'FILE');
  const cmsPool = optional(args, 'cms-pool');
  const name = optional(args, 'name');
  const xml = readTextFile(file, 'The topology file');
  const result = importTopology(xml, {
    product,
    ...(cmsPool !== undefined ? { cmsPool } : {}),
    ...(name !== undefined ? { name } : {}),
  });
  if (!result.ok)
    throw new UsageError(`${file} could not be imported:\n${result.problems.map((p) => `  - ${p}`).join('\n')}`);
  if (result.cms.from === 'needed') {
    const choices =
      result.cms.candidates.length === 0
        ? 'none of its pools can host it (an Enterprise Edition Front End pool or a Standard Edition server)'
        : `choose one of: ${result.cms.candidates.join(', ')}`;
    throw new UsageError(
      `${file} does not say which pool hosts the Central Management Store (the topology was never published). Give it with --cms-pool; ${choices}.`,
      C,
    );
  }
  checkNewFile(out, args, C);
  const session = createSession(result.deployment, stampingOf(args, io, C), C);
  for (const skipped of result.skipped) io.err(`note: left out ${skipped.fqdn}: ${skipped.reason}\n`);
  for (const warning of result.warnings) io.err(`warning: ${warning}\n`);
  await saveSession(out, session, io);
  const d = session.deployment()!;
  const from = result.cms.from === 'topology' ? 'from the topology' : 'as given';
  io.out(
    `Created ${out}: "${d.name}", ${d.pools.length} pool(s), ${d.servers.length} server(s), CMS pool ${d.cmsPool} (${from}).\n`,
  );
  for (const s of d.servers) io.out(`  ${s.fqdn}  ${ROLE_LABELS[s.role]}, pool ${s.pool}\n`);
  return 0;
}
