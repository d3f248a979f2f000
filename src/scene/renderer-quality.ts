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
 * Whether this browser's WebGL renders in software. Asks a throwaway context once (the answer
 * must be known before the real context is made: MSAA is fixed at its creation), then remembers.
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
