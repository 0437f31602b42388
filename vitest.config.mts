import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// One project per environment, mirroring where the code runs (STYLE.md: layers).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'core',
          environment: 'node',
          // Property and model-based tests walk thousands of cases; this is a safety net, not a speed check.
          testTimeout: 120_000,
          include: ['test/core/**/*.test.ts'],
          setupFiles: ['test/support/property-time-limit.ts'],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'ui',
          environment: 'jsdom',
          // jsdom renders of 500-row tables take seconds on a shared machine; a safety net, not a speed check.
          testTimeout: 60_000,
          include: ['test/ui/**/*.test.{ts,tsx}', 'test/host/**/*.test.{ts,tsx}'],
          setupFiles: ['test/ui/setup.ts', 'test/support/property-time-limit.ts'],
        },
      },
      {
        test: {
          name: 'electron',
          environment: 'node',
          // These tests spawn processes (the command line, builds): the limits leave a loaded two-core
          // machine plenty of room. A safety net, not a speed check.
          testTimeout: 120_000,
          hookTimeout: 180_000,
          globalSetup: ['test/cli/support/build-cli.ts'],
          include: [
            'test/electron/**/*.test.ts',
            'test/cli/**/*.test.ts',
            'test/build/**/*.test.ts',
            'test/attack/**/*.test.ts',
          ],
          setupFiles: ['test/support/property-time-limit.ts'],
        },
      },
    ],
  },
});
