// The renderer probe in a worker (main.tsx starts it, so that the main thread makes no throwaway
// WebGL context): its answer is used, a worker that stays silent or fails is ended after a
// bounded wait, and when the view's own context answered first (renderer-factory.ts), that
// answer stands.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

class FakeWorker {
  static made: FakeWorker[] = []
  onmessage: ((e: { data: unknown }) => void) | null = null
  onerror: (() => void) | null = null
  terminated = false
  constructor(readonly url: URL) {
    FakeWorker.made.push(this)
  }
  terminate() {
    this.terminated = true
  }
}

async function freshModule() {
  vi.resetModules()
  return import('../../src/scene/renderer-quality')
}

describe('the renderer probe in a worker', () => {
  beforeEach(() => {
    FakeWorker.made = []
    vi.stubGlobal('Worker', FakeWorker)
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it("uses the worker's answer", async () => {
    const q = await freshModule()
    const settled = vi.fn()
    q.onRendererProbeSettled(settled)
    q.probeRendererInWorker()
    expect(FakeWorker.made).toHaveLength(1)
    expect(String(FakeWorker.made[0].url)).toMatch(/renderer-probe\.worker/)
    expect(q.rendererProbePending()).toBe(true)
    FakeWorker.made[0].onmessage?.({ data: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)))' })
    expect(q.rendererProbePending()).toBe(false)
    expect(settled).toHaveBeenCalledTimes(1)
    expect(FakeWorker.made[0].terminated).toBe(true)
    // Node has no document: only the worker's answer can say "software".
    expect(q.softwareWebGL()).toBe(true)
  })

  it('stops waiting after the timeout when the worker stays silent', async () => {
    const q = await freshModule()
    const settled = vi.fn()
    q.onRendererProbeSettled(settled)
    q.probeRendererInWorker()
    vi.advanceTimersByTime(q.RENDERER_PROBE_TIMEOUT_MS - 1)
    expect(q.rendererProbePending()).toBe(true)
    vi.advanceTimersByTime(1)
    expect(q.rendererProbePending()).toBe(false)
    expect(settled).toHaveBeenCalledTimes(1)
    expect(FakeWorker.made[0].terminated).toBe(true)
    // A late answer changes nothing.
    FakeWorker.made[0].onmessage?.({ data: 'SwiftShader' })
    expect(settled).toHaveBeenCalledTimes(1)
    expect(q.softwareWebGL()).toBe(false)
  })

  it("takes the view's own context's answer when the probe has not answered, and keeps it", async () => {
    const q = await freshModule()
    q.probeRendererInWorker()
    expect(q.rendererKnown()).toBe(false)
    q.learnRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)))')
    expect(q.rendererKnown()).toBe(true)
    expect(q.softwareWebGL()).toBe(true)
    // The probe's later, different answer does not change what the view was made with.
    FakeWorker.made[0].onmessage?.({
      data: 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)',
    })
    expect(q.softwareWebGL()).toBe(true)
    q.learnRenderer('Apple M2')
    expect(q.softwareWebGL()).toBe(true)
    // …and the other way round: a probe that answered first is not overridden by a context.
    const r = await freshModule()
    r.probeRendererInWorker()
    FakeWorker.made[1].onmessage?.({ data: 'Apple M2' })
    r.learnRenderer('SwiftShader')
    expect(r.softwareWebGL()).toBe(false)
  })

  it('goes on at once when the worker fails or cannot make a context', async () => {
    const q = await freshModule()
    q.probeRendererInWorker()
    FakeWorker.made[0].onerror?.()
    expect(q.rendererProbePending()).toBe(false)
    const r = await freshModule()
    r.probeRendererInWorker()
    FakeWorker.made[1].onmessage?.({ data: null })
    expect(r.rendererProbePending()).toBe(false)
    expect(r.softwareWebGL()).toBe(false)
  })
})
