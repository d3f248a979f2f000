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

/** How long the view waits for the worker's answer before asking on the main thread itself. */
export const RENDERER_PROBE_TIMEOUT_MS = 3000

let probing = false
const settledListeners = new Set<() => void>()

/**
 * Starts asking a worker for the answer (renderer-probe.worker.ts), so the main thread need not
 * make a throwaway WebGL context of its own; main.tsx calls it first thing. The 3D view does not
 * wait for it: if it has not answered when the view makes its renderer, the view's own context
 * answers (renderer-factory.ts, learnRenderer). A worker silent for RENDERER_PROBE_TIMEOUT_MS is
 * ended; softwareWebGL() then asks on the main thread if anything still needs to know.
 */
export function probeRendererInWorker(): void {
  if (software !== null || probing || typeof Worker === 'undefined') return
  let worker: Worker
  try {
    worker = new Worker(new URL('./renderer-probe.worker.ts', import.meta.url), {
      type: 'module',
      name: 'renderer-probe',
    })
  } catch {
    return // no module workers: the main thread asks when it needs to
  }
  probing = true
  const settle = (name: unknown) => {
    if (!probing) return
    probing = false
    clearTimeout(timer)
    worker.terminate()
    if (software === null && typeof name === 'string') software = isSoftwareRenderer(name)
    for (const fn of settledListeners) fn()
  }
  const timer = setTimeout(() => settle(null), RENDERER_PROBE_TIMEOUT_MS)
  worker.onmessage = (e: MessageEvent<unknown>) => settle(e.data)
  worker.onerror = () => settle(null)
}

/** Whether the renderer is known (from the probe, a context of the view's, or asking). */
export function rendererKnown(): boolean {
  return software !== null
}

/**
 * Records the renderer a context of the app's own reported (renderer-factory.ts), unless an
 * answer is known already; the probe's later answer is then ignored.
 */
export function learnRenderer(name: string): void {
  if (software === null) software = isSoftwareRenderer(name)
}

/** Whether the worker probe is still under way. */
export function rendererProbePending(): boolean {
  return probing
}

/** Calls `fn` when the worker probe settles; returns the unsubscribe (for useSyncExternalStore). */
export function onRendererProbeSettled(fn: () => void): () => void {
  settledListeners.add(fn)
  return () => settledListeners.delete(fn)
}

/**
 * Whether this browser's WebGL renders in software. Asks a throwaway context once, unless the
 * worker probe has answered already (the answer must be known before the real context is made:
 * MSAA is fixed at its creation), then remembers.
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
