import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

/** R3F's module that defines <Canvas> and registers its `three` import as JSX elements. */
export const R3F_CANVAS_MODULE = /[\\/]@react-three[\\/]fiber[\\/]dist[\\/]react-three-fiber\.esm\.js$/

/**
 * Gives R3F's <Canvas> the scene's catalogue of elements (src/scene/three-catalogue.ts) as its
 * `three`, so the build keeps only the parts of three.js the app uses (see that file for why).
 * Build only: the dev server pre-bundles dependencies without plugins and keeps the namespace.
 */
function threeCatalogue(): Plugin {
  const catalogue = fileURLToPath(new URL('./src/scene/three-catalogue.ts', import.meta.url))
  return {
    name: 'mission-sandbox:three-catalogue',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === 'three' && importer && R3F_CANVAS_MODULE.test(importer)) return catalogue
      return null
    },
  }
}

// The app is a static site: `npm run dev` serves it, `npm run build` writes dist/.
export default defineConfig({
  plugins: [react(), threeCatalogue()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
})
