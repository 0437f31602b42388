/** `lync-runbook record`: one event on one server, through the same session and machines as the app. */
import { STEP1_WAYS, type Command } from '../../../renderer/core/events/schema';
import { cmsPlaceOf, judgeCmsStatusText } from '../../../renderer/core/evidence';
import { poolStartOfServer } from '../../../renderer/core/machines/pool-start';
import type { DeploymentSession } from '../../../renderer/core/session/session';
import { checklistOf, type RemediationPath } from '../../../renderer/core/model/remediation';
import { timelineEntries, timelineLine } from '../../../renderer/core/runbook';
import { oneOf, optional, parseCommandArgs, required, type ParsedArgs } from '../args';
import { Refused, UsageError } from '../cli-error';
import { decodeText, readTextFile } from '../files';
import type { CliIo } from '../io';
import { formatGateStatus, gateStatus, requireServer } from '../server-lookup';
import { stampingOf, STAMP_OPTIONS, withLockedDeployment } from '../session-options';

const C = 'record';

const EVENTS = [
  'step1',
  'step2',
  'step3',
  'step4',
  'pool-start',
  'oauth-assigned',
  'oauth-thumbprint',
  'remediation',
  'item',
  'override',
  'withdraw-override',
] as const;
type EventName = (typeof EVENTS)[number];

const PATH_NAMES: Readonly<Record<string, RemediationPath>> = {
  a: 'A',
  b: 'B',
  c: 'C',
  'export-import': 'A',
  replication: 'B',
  'rerun-step1': 'C',
};

/** The remediation path named A, B, C or export-import, replication, rerun-step1 (any case), if any. */
export function pathNamed(value: string): RemediationPath | undefined {
  return PATH_NAMES[value.trim().toLowerCase()];
}

/** A remediation path from A, B, C or its name (export-import, replication, rerun-step1). */
export function parsePath(value: string, command: string): RemediationPath {
  const path = pathNamed(value);
  if (path === undefined)
    throw new UsageError(
      `--path "${value}" is not a remediation path: use A or export-import, B or replication, C or rerun-step1.`,
      command,
    );
  return path;
}

function only(args: ParsedArgs, event: EventName, allowed: readonly string[]): void {
  for (const option of ['thumbprint', 'path', 'item', 'reason', 'change', 'servers', 'via', 'output']) {
    if (optional(args, option) !== undefined && !allowed.includes(option))
      throw new UsageError(`--${option} does not go with --event ${event}.`, C);
  }
}

/**
 * The first start of the server's Enterprise pool: of the members named with --servers (comma-separated),
 * or of every member with Step 3 done.
 */
function poolStart(args: ParsedArgs, session: DeploymentSession, server: string): Command {
  only(args, 'pool-start', ['servers']);
  const pool = poolStartOfServer(session.snapshot().context, server);
  if (pool === null) {
    throw new Refused(`${server} is not in an Enterprise Edition Front End pool; record --event step4 on it instead.`);
  }
  const named = optional(args, 'servers');
  const servers =
    named === undefined
      ? pool.ready
      : named
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '');
  return { type: 'pool.started', pool: pool.pool, servers: [...servers] };
}

/** The output pasted for path B's replication-services item, as the item records it (read again on every replay). */
function itemOutput(text: string, session: DeploymentSession): { text: string; read: string[] } {
  const cms = cmsPlaceOf(session.deployment());
  return { text, read: cms === null ? [] : [...judgeCmsStatusText(text, cms).read] };
}

function command(
  args: ParsedArgs,
  event: EventName,
  server: string,
  session: DeploymentSession,
  output: string | undefined,
): Command {
  const thumbprint = optional(args, 'thumbprint');
  switch (event) {
    case 'pool-start':
      return poolStart(args, session, server);
    case 'step1': {
      only(args, event, ['via']);
      const via = optional(args, 'via');
      if (via === undefined) return { type: 'step.completed', server, step: 1 };
      return {
        type: 'step.completed',
        server,
        step: 1,
        via: oneOf(via, STEP1_WAYS, 'How Step 1 was run (--via)', C),
      };
    }
    case 'step2':
    case 'step4':
      only(args, event, []);
      return { type: 'step.completed', server, step: Number(event.slice(4)) as 1 | 2 | 4 };
    case 'step3':
      only(args, event, ['thumbprint']);
      return { type: 'step.completed', server, step: 3, ...(thumbprint !== undefined ? { thumbprint } : {}) };
    case 'oauth-assigned':
      only(args, event, ['thumbprint']);
      return { type: 'oauth.assigned', server, ...(thumbprint !== undefined ? { thumbprint } : {}) };
    case 'oauth-thumbprint':
      only(args, event, ['thumbprint']);
      return {
        type: 'oauth.thumbprint.recorded',
        server,
        thumbprint: required(args, 'thumbprint', C, 'HEX (40 hexadecimal digits)'),
      };
    case 'remediation':
      only(args, event, ['path']);
      return { type: 'remediation.chosen', server, path: parsePath(required(args, 'path', C, 'A|B|C'), C) };
    case 'item': {
      only(args, event, ['path', 'item', 'output']);
      const path = parsePath(required(args, 'path', C, 'A|B|C'), C);
      const items = checklistOf(path)
        .filter((i) => i.kind === 'mark')
        .map((i) => i.id);
      const item = oneOf(required(args, 'item', C, 'ID'), items, `Path ${path}'s checklist item`, C);
      return {
        type: 'remediation.item.completed',
        server,
        path,
        item,
        ...(output === undefined ? {} : { output: itemOutput(output, session) }),
      };
    }
    case 'override':
      only(args, event, ['reason', 'change']);
      return {
        type: 'override.recorded',
        server,
        reason: required(args, 'reason', C, 'TEXT (what was checked)'),
        change: required(args, 'change', C, 'ID (the change or ticket, e.g. CHG-9999)'),
      };
    case 'withdraw-override':
      only(args, event, ['reason']);
      return {
        type: 'override.withdrawn',
        server,
        reason: required(args, 'reason', C, 'TEXT (why the override is withdrawn)'),
      };
  }
}

/** Records the event if the deployment accepts it (exit 0), or prints why not (exit 1). */
export async function runRecord(argv: readonly string[], io: CliIo): Promise<number | 'help'> {
  const args = parseCommandArgs(
    C,
    argv,
    {
      server: { type: 'string' },
      event: { type: 'string' },
      thumbprint: { type: 'string' },
      path: { type: 'string' },
      item: { type: 'string' },
      reason: { type: 'string' },
      change: { type: 'string' },
      servers: { type: 'string' },
      via: { type: 'string' },
      output: { type: 'string' },
      ...STAMP_OPTIONS,
    },
    { min: 1, max: 1, names: 'the deployment file' },
  );
  if (args.help) return 'help';
  const file = args.positionals[0]!;
  const event = oneOf(required(args, 'event', C, EVENTS.join('|')), EVENTS, 'The event', C);
  const fqdn = required(args, 'server', C, 'FQDN');
  const stamping = stampingOf(args, io, C);
  return withLockedDeployment(file, stamping.recorder, io, async ({ session, save }) => {
    const server = requireServer(session, fqdn, C);
    const outputPath = optional(args, 'output');
    const output =
      outputPath === undefined
        ? undefined
        : outputPath === '-'
          ? decodeText(io.stdin(), 'Standard input')
          : readTextFile(outputPath, 'The output file');
    const cmd = stamping.stamp(command(args, event, server.fqdn, session, output));
    // A value the event schema refuses is bad input (2); an event the machines refuse is a refusal (1).
    const prepared = session.prepare(cmd);
    if (!prepared.ok) throw new UsageError(prepared.message, C);
    const result = session.record(cmd);
    if (!result.ok) throw new Refused(result.message);
    await save();
    const entry = timelineEntries(session.history, session.facts).find((e) => e.seq === result.seq)!;
    io.out(`Recorded: ${timelineLine(entry)}${entry.detail ? `\n  ${entry.detail}` : ''}\n`);
    io.out(`${formatGateStatus(gateStatus(session, server))}\n`);
    return 0;
  });
}
