import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // `npm start` runs dist/: build it once here rather than in every test that starts the bot that way.
    globalSetup: ['test/support/buildOnce.ts'],
    // The e2e tests spawn processes and open sockets; give them room on a loaded 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
