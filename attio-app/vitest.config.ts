import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const mock = (file: string) => fileURLToPath(new URL(`./test/mocks/${file}`, import.meta.url));

/**
 * The SDK's modules are types only: Attio's runtime provides them. Tests put hand-written fakes
 * in their place, as Attio's own apps do, and read `.graphql` documents as their text.
 */
export default defineConfig({
  plugins: [
    {
      name: 'graphql-as-text',
      transform(code, id) {
        return id.endsWith('.graphql') ? { code: `export default ${JSON.stringify(code)}`, map: null } : null;
      },
    },
  ],
  resolve: {
    alias: [
      { find: /^attio\/client$/, replacement: mock('attio-client.ts') },
      { find: /^attio\/server$/, replacement: mock('attio-server.ts') },
      { find: /^attio$/, replacement: mock('attio.ts') },
    ],
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    clearMocks: true,
    restoreMocks: true,
  },
});
