import nodePath from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOCUMENT_EXTENSION } from '../../renderer/core/document/document';

/**
 * The documents named on a command line (a double-click, "Open with", a second launch): every
 * argument that is a `.lyncrunbook` path or file:// URL, resolved against the launch folder. The
 * executable, the app path in development and Chromium's switches are skipped.
 */
export function documentPathsFromArgv(
  argv: readonly string[],
  cwd: string,
  path: nodePath.PlatformPath = nodePath,
): string[] {
  const paths: string[] = [];
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue;
    let candidate = arg;
    if (/^file:\/\//i.test(arg)) {
      try {
        candidate = fileURLToPath(arg, { windows: path === nodePath.win32 });
      } catch {
        continue;
      }
    }
    if (path.extname(candidate).toLowerCase() !== DOCUMENT_EXTENSION) continue;
    paths.push(path.isAbsolute(candidate) ? candidate : path.resolve(cwd, candidate));
  }
  return paths;
}
