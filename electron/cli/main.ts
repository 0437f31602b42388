/** The `lync-runbook` program: runs the command line on the process's arguments and streams. */
import { nodeIo } from './io';
import { runCli } from './run';

void runCli(process.argv.slice(2), nodeIo()).then((code) => {
  process.exitCode = code;
});
