// Rendering quality by renderer. A software rasterizer (SwiftShader, llvmpipe: what a machine
// without a GPU, a virtual machine or a headless browser draws with) pays on the CPU for every
// sample and every texel fetched. Measured on SwiftShader with 1,000 satellites: MSAA halves the
// frame rate, and trilinear plus anisotropic sampling of the Earth's texture costs a further
// fifth. There the app draws without MSAA and samples the Earth from one mip level; a GPU keeps
// both, where they cost next to nothing.

const SOFTWARE_NAMES = /swiftshader|llvmpipe|softpipe|lavapipe|software|basic render driver/i

/** Whether a WebGL renderer string (UNMASKED_RENDERER_WEBGL) names a software rasterizer. */
export function isSoftwareRenderer(name: string): boolean {
  return SOFTWARE_NAMES.test(name)
}

let software: boolean | null = null

/**
 * Whether the renderer is known: from the 3D view's own first context (renderer-factory.ts,
 * learnRenderer) or from softwareWebGL() having asked.
 */
export function rendererKnown(): boolean {
  return software !== null
}

/**
 * Records the renderer a context of the app's own reported (renderer-factory.ts), unless an
 * answer is known already: what the view was made with stays the answer.
 */
export function learnRenderer(name: string): void {
  if (software === null) software = isSoftwareRenderer(name)
}

/**
 * Views made without MSAA on a GPU, which should be made again with it. The page's first view
 * does not know the renderer when it makes its context (nothing asks before it: a throwaway
 * context costs a software rasterizer tens of ms of the first frame), so it makes the one a
 * software rasterizer wants, without MSAA. When that context turns out to be a GPU's, the view
 * is made again at once, with MSAA: on a GPU a context takes milliseconds.
 */
let msaaRemakes = 0
const remakeListeners = new Set<() => void>()

/** Counts up when a view made without MSAA should be made again with it (see msaaRemakes). */
export function msaaRemakeCount(): number {
  return msaaRemakes
}

/** Calls `fn` when msaaRemakeCount() changes; returns the unsubscribe (for useSyncExternalStore). */
export function onMsaaRemake(fn: () => void): () => void {
  remakeListeners.add(fn)
  return () => remakeListeners.delete(fn)
}

/**
 * Records the renderer a view's context without MSAA reported, and asks for that view to be
 * made again when MSAA was wanted after all (a GPU). Returns whether it did.
 */
export function learnRendererWithoutMsaa(name: string): boolean {
  const wasKnown = software !== null
  learnRenderer(name)
  if (wasKnown || software) return false
  msaaRemakes++
  // Not during the render or effect that made the context: the view is made again afterwards.
  queueMicrotask(() => {
    for (const fn of remakeListeners) fn()
  })
  return true
}

/**
 * Whether this browser's WebGL renders in software. Asks a throwaway context once, unless a
 * context of the app's has answered already, then remembers. (The 3D view itself never needs
 * this: it learns from its own context, renderer-factory.ts.)
 */
export function softwareWebGL(): boolean {
  if (software !== null) return software
  software = false
  try {
    const gl = document.createElement('canvas').getContext('webgl2')
    if (gl) {
      const info = gl.getExtension('WEBGL_debug_renderer_info')
      software = isSoftwareRenderer(
        String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)),
      )
      gl.getExtension('WEBGL_lose_context')?.loseContext()
    }
  } catch {
    // No WebGL at all: the canvas will say so itself; nothing to tune.
  }
  return software
}
