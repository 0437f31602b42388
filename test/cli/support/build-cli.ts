// Builds the command line once before the tests that run it as its own process.
import { buildCli } from './cli';

/** Vitest's global setup: the built program is what the command-line tests run. */
export function setup(): void {
  buildCli();
}
