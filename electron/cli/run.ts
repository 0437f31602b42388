/** The command line's dispatch: finds the command, runs it, and turns every failure into a message and an exit code. */
import { Refused, UsageError } from './cli-error';
import { runChange } from './commands/change';
import { runCheck } from './commands/check';
import { runEvidence } from './commands/evidence';
import { runExport } from './commands/export';
import { runImportTopology } from './commands/import-topology';
import { runNew } from './commands/new';
import { runRecord } from './commands/record';
import { runScript } from './commands/script';
import { COMMAND_HELP, COMMANDS, MAIN_HELP, type CommandName } from './help';
import { capMessage, type CliIo } from './io';
import { VERSION } from './version';

const RUNNERS: Readonly<Record<CommandName, (argv: readonly string[], io: CliIo) => Promise<number | 'help'>>> = {
  new: runNew,
  'import-topology': runImportTopology,
  record: runRecord,
  check: runCheck,
  script: runScript,
  evidence: runEvidence,
  export: runExport,
  change: runChange,
};

function isCommand(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}

/** Runs the command line with these arguments (without the program name) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    // Called with nothing, the help is the answer to a mistake: it goes to stderr with exit code 2.
    const write = first === undefined ? io.err : io.out;
    write(`${topic !== undefined && isCommand(topic) ? COMMAND_HELP[topic] : MAIN_HELP}\n`);
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-V') {
    io.out(`lync-runbook ${VERSION}\n`);
    return 0;
  }
  if (!isCommand(first)) {
    io.err(
      `lync-runbook: "${first}" is not a command. Commands: ${Object.keys(COMMANDS).join(', ')}.\nRun "lync-runbook --help" for usage.\n`,
    );
    return 2;
  }
  try {
    const code = await RUNNERS[first](rest, io);
    if (code === 'help') {
      io.out(`${COMMAND_HELP[first]}\n`);
      return 0;
    }
    return code;
  } catch (error) {
    if (error instanceof UsageError) {
      const hint = error.command === null ? '' : `\nRun "lync-runbook ${error.command} --help" for usage.`;
      io.err(`lync-runbook ${first}: ${capMessage(error.message)}${hint}\n`);
      return error.exitCode;
    }
    if (error instanceof Refused) {
      io.err(`lync-runbook ${first}: ${capMessage(error.message)}\n`);
      return error.exitCode;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.err(`lync-runbook ${first}: unexpected error; nothing more was written. Please report it.\n${detail}\n`);
    return 70;
  }
}
