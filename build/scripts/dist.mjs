// `npm run dist [-- electron-builder options]`: builds the app and packages the installers, with the
// update channel and signing that build/release.mjs derives from the environment. It prints what the
// build will be (channel, signed or not) before packaging, and stops on a setting that is wrong.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { electronBuilderArgs, releaseSettings } from '../release.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const resolve = (pkg) => dirname(createRequire(join(ROOT, 'package.json')).resolve(`${pkg}/package.json`));

const { config, problems, summary } = releaseSettings(process.env);
if (problems.length > 0) {
  console.error(
    ['', 'npm run dist: the build settings are not right:', ...problems.map((p) => `  - ${p}`), ''].join('\n'),
  );
  process.exit(2);
}
console.log(['', 'This build:', ...summary.map((s) => `  - ${s}`), ''].join('\n'));

const run = (args, what) => {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`npm run dist: ${what} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
};
run([join(resolve('electron-vite'), 'bin', 'electron-vite.js'), 'build'], 'building the app');
run(
  [
    join(resolve('electron-builder'), 'cli.js'),
    '--config',
    'electron-builder.yml',
    ...electronBuilderArgs(config),
    ...process.argv.slice(2),
  ],
  'packaging',
);
