// Asks WebGL which renderer this browser draws with, off the main thread: creating a WebGL
// context is the slowest single call of the page's start on a software rasterizer (hundreds of ms
// in SwiftShader), and the main thread has better things to do meanwhile. Posts the renderer's
// name, or null when a worker cannot make a WebGL context (the main thread then asks itself).

function rendererName(): string | null {
  if (typeof OffscreenCanvas === 'undefined') return null
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2')
  if (!gl) return null
  const info = gl.getExtension('WEBGL_debug_renderer_info')
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER))
  gl.getExtension('WEBGL_lose_context')?.loseContext()
  return name
}

function answer(): string | null {
  try {
    return rendererName()
  } catch {
    return null
  }
}

;(self as unknown as { postMessage(message: string | null): void }).postMessage(answer())
