import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer as a plain web page: `npm run web` for a browser dev loop, and the build the
// end-to-end tests drive in Chromium (no Electron binary is needed for either).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/web',
    emptyOutDir: true,
    minify: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
});
