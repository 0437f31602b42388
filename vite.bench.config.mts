import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// `npm run bench`: the benchmark as one CommonJS file for Node, with renderer/core bundled in as the
// command line has it (so what is measured is what ships), and the tools it drives (Playwright,
// Vite's preview server) left to node_modules.
const external = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  /^@playwright\//,
  /^playwright/,
  /^vite($|\/)/,
];

export default defineConfig({
  publicDir: false,
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: 'test/bench/main.ts',
    target: 'node20',
    outDir: 'out/bench',
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    copyPublicDir: false,
    reportCompressedSize: false,
    rolldownOptions: {
      external,
      output: { format: 'cjs', entryFileNames: 'bench.cjs', codeSplitting: false },
    },
  },
});
