import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite'

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

/**
 * Preloads, from index.html, what the entry fetches first thing (main.tsx): the interface's chunk
 * (src/ui/mount.tsx) and the land outline (src/scene/land.ts). Without this the browser asks for
 * them only once the entry chunk has been fetched and run; with it, as it reads the HTML, so the
 * interface's JavaScript arrives and compiles sooner. Build only (the dev server has no chunks).
 */
export function preloadFirstFetches(): Plugin {
  let base = '/'
  return {
    name: 'mission-sandbox:preload-first-fetches',
    apply: 'build',
    configResolved(config) {
      base = config.base
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const tags: HtmlTagDescriptor[] = []
        for (const out of Object.values(ctx.bundle ?? {})) {
          if (out.type === 'chunk' && out.facadeModuleId && MOUNT_MODULE.test(out.facadeModuleId))
            tags.push({
              tag: 'link',
              attrs: { rel: 'modulepreload', crossorigin: '', href: base + out.fileName },
              injectTo: 'head',
            })
          if (out.type === 'asset' && out.names.some((n) => LAND_ASSET.test(n)))
            tags.push({
              tag: 'link',
              attrs: { rel: 'preload', as: 'fetch', crossorigin: '', href: base + out.fileName },
              injectTo: 'head',
            })
        }
        return tags
      },
    },
  }
}

const MOUNT_MODULE = /[\\/]src[\\/]ui[\\/]mount\.tsx$/
const LAND_ASSET = /^land-110m\.json$/

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
  plugins: [react(), threeCatalogue(), preloadFirstFetches()],
  worker: { format: 'es', rollupOptions: { treeshake } },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000, rollupOptions: { treeshake } },
})
