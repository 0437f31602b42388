/** The command that runs the desktop app's Playwright test: under xvfb-run on a headless Linux machine that has it. */
export function e2eCommand(
  platform?: string,
  env?: Record<string, string | undefined>,
  hasXvfb?: () => boolean,
): { command: string; args: string[] };
