import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Two pages, one build: the console at /app and the embeddable dialer at /dialer, served by core
 * from web/dist. Everything is bundled at install time (`npm install` runs `npm run build:web`):
 * no CDN, nothing fetched at run time.
 */
export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    rollupOptions: {
      input: { app: here('app/index.html'), dialer: here('dialer/index.html') },
    },
  },
});
