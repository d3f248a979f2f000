import { describe, expect, it, vi } from 'vitest'
import { isSoftwareRenderer } from '../../src/scene/renderer-quality'

describe('isSoftwareRenderer', () => {
  it('recognises the software rasterizers browsers fall back to', () => {
    // What headless Chromium on this machine reports, and what Mesa and Windows report.
    expect(
      isSoftwareRenderer(
        'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      ),
    ).toBe(true)
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true)
    expect(
      isSoftwareRenderer('ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)'),
    ).toBe(true)
  })

  it('leaves GPUs at full quality', () => {
    expect(
      isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)'),
    ).toBe(false)
    expect(isSoftwareRenderer('Apple M2')).toBe(false)
    expect(isSoftwareRenderer('Mesa Intel(R) UHD Graphics 620 (KBL GT2)')).toBe(false)
    expect(isSoftwareRenderer('WebKit WebGL')).toBe(false)
  })
})

// The page's first view makes its context without MSAA and asks it which renderer it is
// (renderer-factory.ts): on a software rasterizer that context stays; on a GPU the view is made
// again, once, with MSAA.
describe('learnRendererWithoutMsaa', () => {
  const SWIFTSHADER = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)'
  const GPU = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)'

  async function fresh() {
    vi.resetModules()
    return import('../../src/scene/renderer-quality')
  }

  it('keeps a software context: no view is made again', async () => {
    const q = await fresh()
    const heard = vi.fn()
    q.onMsaaRemake(heard)
    expect(q.rendererKnown()).toBe(false)
    expect(q.learnRendererWithoutMsaa(SWIFTSHADER)).toBe(false)
    await Promise.resolve()
    expect(q.msaaRemakeCount()).toBe(0)
    expect(heard).not.toHaveBeenCalled()
    expect(q.softwareWebGL()).toBe(true)
  })

  it('asks for the view again on a GPU, once, after the call that made the context', async () => {
    const q = await fresh()
    const heard = vi.fn()
    const off = q.onMsaaRemake(heard)
    expect(q.learnRendererWithoutMsaa(GPU)).toBe(true)
    expect(q.msaaRemakeCount()).toBe(1)
    // Not while R3F is still making the renderer: listeners hear it a microtask later.
    expect(heard).not.toHaveBeenCalled()
    await Promise.resolve()
    expect(heard).toHaveBeenCalledTimes(1)
    expect(q.softwareWebGL()).toBe(false)
    // The view made again knows the renderer and makes its context with MSAA: nothing more.
    expect(q.learnRendererWithoutMsaa(GPU)).toBe(false)
    await Promise.resolve()
    expect(q.msaaRemakeCount()).toBe(1)
    expect(heard).toHaveBeenCalledTimes(1)
    off()
  })

  it('keeps the first answer: a later context cannot change what the view was made with', async () => {
    const q = await fresh()
    q.learnRenderer(SWIFTSHADER)
    expect(q.learnRendererWithoutMsaa(GPU)).toBe(false)
    expect(q.msaaRemakeCount()).toBe(0)
    expect(q.softwareWebGL()).toBe(true)
  })
})
