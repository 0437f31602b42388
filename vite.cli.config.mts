import { chmodSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

// The `lync-runbook` command line: one CommonJS file for Node 20 with renderer/core and its small
// libraries bundled in, only Node's built-in modules left outside, and no Electron anywhere.
const outDir = 'out/cli';
const fileName = 'lync-runbook.cjs';
const { version } = JSON.parse(readFileSync(join(import.meta.dirname, 'package.json'), 'utf8')) as { version: string };

/** Marks the output executable, so it runs as ./out/cli/lync-runbook.cjs as well as through npm's bin link. */
function executable(): Plugin {
  return {
    name: 'lync-runbook-executable',
    apply: 'build',
    writeBundle(options) {
      if (options.dir !== undefined) chmodSync(join(options.dir, fileName), 0o755);
    },
  };
}

export default defineConfig({
  publicDir: false,
  define: { __LYNC_RUNBOOK_VERSION__: JSON.stringify(version) },
  plugins: [executable()],
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: 'electron/cli/main.ts',
    target: 'node20',
    outDir,
    emptyOutDir: true,
    minify: false,
    sourcemap: false,
    copyPublicDir: false,
    reportCompressedSize: false,
    rolldownOptions: {
      external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: {
        format: 'cjs',
        entryFileNames: fileName,
        banner: '#!/usr/bin/env node',
        codeSplitting: false,
      },
    },
  },
});
