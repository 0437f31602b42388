/** The two ways a command fails, each with its exit code: bad input (2) and a refusal by the deployment (1). */

/** Bad input: a missing or unreadable file, an unknown server, an invalid value or option. Exit code 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
  /** The command whose --help to point at, when the problem is how it was called. */
  readonly command: string | null;
  constructor(message: string, command: string | null = null) {
    super(message);
    this.name = 'UsageError';
    this.command = command;
  }
}

/** The deployment said no: the machines refused an event, the gate is closed, the evidence was rejected. Exit code 1. */
export class Refused extends Error {
  readonly exitCode = 1;
  constructor(message: string) {
    super(message);
    this.name = 'Refused';
  }
}
