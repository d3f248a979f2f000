// The 3D view's WebGLRenderer. MSAA is fixed when a WebGL context is made, and it costs a
// software rasterizer half its frame rate (renderer-quality.ts), so it depends on the renderer,
// which only a context can tell. Nothing asks before the view: on a software rasterizer a
// throwaway context, or one made in a worker at the page's start, made the first frame tens of
// ms later (a worker's context competes with the page's start for the GPU process and the CPU).
// So the page's first view makes its own context without MSAA and asks it which renderer it is.
// On a software rasterizer that is the context it wants; on a GPU the view is made again at
// once with MSAA (renderer-quality.ts, learnRendererWithoutMsaa), and every later view knows.

import type { GLProps } from '@react-three/fiber'
import { WebGLRenderer } from 'three'
import { learnRendererWithoutMsaa, rendererKnown, softwareWebGL } from './renderer-quality'

/** What R3F hands a `gl` factory: its canvas and its defaults. */
type RendererDefaults = Parameters<Extract<GLProps, (defaults: never) => unknown>>[0]

/** The renderer name a context reports (the unmasked one when the browser tells it). */
export function rendererNameOf(gl: WebGL2RenderingContext): string {
  const info = gl.getExtension('WEBGL_debug_renderer_info')
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER))
}

/** For R3F's `gl` prop: the view's renderer, with MSAA only on a GPU. */
export function makeRenderer(defaults: RendererDefaults): WebGLRenderer {
  if (rendererKnown()) return new WebGLRenderer({ ...defaults, antialias: !softwareWebGL() })
  // The attributes three.js asks for itself (WebGLRenderer's defaults), without MSAA.
  // The app's <Canvas> is a DOM canvas (R3F's OffscreenCanvas is for workers).
  const canvas = defaults.canvas as HTMLCanvasElement
  const context = canvas.getContext('webgl2', {
    alpha: defaults.alpha ?? false,
    depth: defaults.depth ?? true,
    stencil: defaults.stencil ?? false,
    antialias: false,
    premultipliedAlpha: defaults.premultipliedAlpha ?? true,
    preserveDrawingBuffer: defaults.preserveDrawingBuffer ?? false,
    powerPreference: defaults.powerPreference ?? 'default',
    failIfMajorPerformanceCaveat: defaults.failIfMajorPerformanceCaveat ?? false,
  })
  // No WebGL 2: three.js makes the attempt itself and reports it as it always does.
  if (!context) return new WebGLRenderer({ ...defaults, antialias: false })
  learnRendererWithoutMsaa(rendererNameOf(context))
  return new WebGLRenderer({ ...defaults, context, antialias: false })
}
