import { describe, expect, it } from 'vitest'
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
