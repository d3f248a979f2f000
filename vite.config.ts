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

/** The engine's room: pure functions and constants, no module-level side effects (DESIGN.md). */
const CORE_MODULE = /[\\/]src[\\/]core[\\/]/

/**
 * Tells the bundler that a module of src/core whose exports nothing uses may be left out, even
 * when the core's index re-exports it (`export *`): otherwise everything the index names comes
 * along wherever one name is imported (the Export menu's formatters in the worker's first load).
 * Other modules keep the bundler's default (their package.json's `sideEffects`).
 */
const treeshake = {
  moduleSideEffects: (id: string) => (CORE_MODULE.test(id) ? false : undefined),
}

// The app is a static site: `npm run dev` serves it, `npm run build` writes dist/.
export default defineConfig({
  plugins: [react(), threeCatalogue()],
  worker: { format: 'es', rollupOptions: { treeshake } },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000, rollupOptions: { treeshake } },
})
