/** The `lync-runbook` program: runs the command line on the process's arguments and streams. */
import { nodeIo } from './io';
import { runCli } from './run';

process.exitCode = runCli(process.argv.slice(2), nodeIo());
