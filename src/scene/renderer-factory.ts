// The 3D view's WebGLRenderer, made without waiting for the renderer probe. MSAA is fixed when a
// WebGL context is made, and it costs a software rasterizer half its frame rate
// (renderer-quality.ts). When the probe's worker has answered, the renderer is made with or
// without it as before. When it has not (on SwiftShader making a context takes hundreds of ms,
// in the worker as on the main thread), the view does not wait: it makes its own context without
// MSAA and asks that context which renderer it is. On a software rasterizer that is the context
// it would have made anyway, one context fewer than asking first; on a GPU whose probe was that
// slow (its contexts take milliseconds, so the probe has answered long before the view is made)
// the view draws without MSAA until the page is reloaded.

import type { GLProps } from '@react-three/fiber'
import { WebGLRenderer } from 'three'
import { learnRenderer, rendererKnown, softwareWebGL } from './renderer-quality'

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
  learnRenderer(rendererNameOf(context))
  return new WebGLRenderer({ ...defaults, context, antialias: false })
}
