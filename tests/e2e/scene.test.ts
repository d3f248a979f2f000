// The 3D scene in the app, in real headless Chromium: satellites are drawn where the frames put
// them, hovering one shows its name, a click selects it (its ring and name appear), a drag of the
// camera selects nothing and a click on empty space deselects; focus flies the camera to the
// selected satellite and reset flies it home. Satellite screen positions are computed here, in
// Node, with the scene's own initial camera (view.ts) and the frame the app is showing.

import type { Browser, Page } from 'playwright-core'
import { PerspectiveCamera, Vector3 } from 'three'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { sunDirectionEci } from '../../src/core/sun'
import { gmstRad } from '../../src/core/time'
import { KM_PER_UNIT } from '../../src/scene/contract'
import { type AreaOfInterest, homeCameraPosition } from '../../src/scene/view'
import { launchBrowser, type OpenedPage, openPage, screenshot } from './browser'
import { appState, nextFrames, waitCanvases, waitForState, waitIdle } from './helpers'
import { decodePng } from './png'

/** The selected satellite's name sits this many CSS pixels to the right of it. */
const LABEL_DX = 15

interface Shown {
  ids: string[]
  positionsKm: number[]
  status: number[]
  epochMs: number
  /** The scenario's area of interest: the home camera looks at it. */
  view: AreaOfInterest | null
  box: { x: number; y: number; width: number; height: number }
}

async function shown(page: Page): Promise<Shown> {
  const box = (await page.locator('canvas').first().boundingBox())!
  const data = await page.evaluate(() => {
    // biome-ignore lint/suspicious/noExplicitAny: the app's test hook is untyped on purpose
    const session = (window as any).__missionSandbox
    const s = session.app.getState()
    const f = session.frame().current.frames[0]
    return {
      ids: s.satelliteIds as string[],
      positionsKm: Array.from(f.positionsKm as Float32Array),
      status: Array.from(f.status as Uint8Array),
      epochMs: s.scenario.epochMs as number,
      view: s.scenario.view as { latRad: number; lonRad: number } | null,
    }
  })
  return { ...data, box }
}

/** Page coordinates of every satellite seen by the scene's initial camera, or null if hidden. */
function project(s: Shown): ({ x: number; y: number } | null)[] {
  const sun = new Float64Array(3)
  sunDirectionEci(s.epochMs, sun, 0)
  const camera = new PerspectiveCamera(40, s.box.width / s.box.height, 0.005, 2000)
  camera.up.set(0, 0, 1)
  camera.position.fromArray(homeCameraPosition(sun, 4, s.view, gmstRad(s.epochMs)))
  camera.lookAt(0, 0, 0)
  camera.updateMatrixWorld()
  const c = camera.position
  return s.ids.map((_, k) => {
    const p = new Vector3().fromArray(s.positionsKm, 3 * k).divideScalar(KM_PER_UNIT)
    // Hidden behind the Earth when the segment from the camera to it passes through the globe.
    const w = p.clone().sub(c)
    const t = Math.min(1, Math.max(0, -c.dot(w) / w.lengthSq()))
    if (c.clone().addScaledVector(w, t).length() < 1) return null
    const q = p.project(camera)
    return { x: s.box.x + ((q.x + 1) / 2) * s.box.width, y: s.box.y + ((1 - q.y) / 2) * s.box.height }
  })
}

/** A visible satellite well inside the view and at least 30 px from any other. */
function pickLoneSatellite(s: Shown): { id: string; x: number; y: number } {
  const at = project(s)
  const { box } = s
  for (let k = 0; k < at.length; k++) {
    const p = at[k]
    if (!p) continue
    if (p.x < box.x + 0.2 * box.width || p.x > box.x + 0.8 * box.width) continue
    if (p.y < box.y + 0.15 * box.height || p.y > box.y + 0.8 * box.height) continue
    const crowded = at.some((o, j) => j !== k && o && Math.hypot(o.x - p.x, o.y - p.y) < 30)
    if (!crowded) return { id: s.ids[k], x: p.x, y: p.y }
  }
  throw new Error('no lone satellite in view')
}

describe('the 3D scene in the app', () => {
  let browser: Browser
  let opened: OpenedPage
  let sat: { id: string; x: number; y: number }
  let data: Shown

  beforeAll(async () => {
    browser = await launchBrowser()
    opened = await openPage(browser, inject('baseUrl'))
    await opened.page.waitForSelector('canvas[data-ready="true"]', { timeout: 90_000 })
    await waitCanvases(opened.page)
    await waitIdle(opened.page)
    data = await shown(opened.page)
    sat = pickLoneSatellite(data)
  })

  afterAll(async () => {
    await opened?.close()
    await browser?.close()
  })

  it('draws each satellite in its status colour where the frame puts it', async () => {
    const png = decodePng(await opened.page.screenshot({ type: 'png' }))
    const at = project(data)
    let seen = 0
    let visible = 0
    at.forEach((p, k) => {
      if (!p || data.status[k] !== 0) return
      if (p.x < data.box.x + 5 || p.x > data.box.x + data.box.width - 5) return
      if (p.y < data.box.y + 5 || p.y > data.box.y + data.box.height - 5) return
      visible++
      // Nominal is cyan (#7ee8ff): look for a cyan pixel within 3 px of the projected centre.
      let found = false
      for (let dy = -3; dy <= 3 && !found; dy++) {
        for (let dx = -3; dx <= 3 && !found; dx++) {
          const i = (Math.round(p.y + dy) * png.width + Math.round(p.x + dx)) * 4
          const [r, g, b] = [png.data[i], png.data[i + 1], png.data[i + 2]]
          found = g > 170 && b > 190 && r < g - 40
        }
      }
      if (found) seen++
    })
    expect(visible).toBeGreaterThan(5)
    // A satellite can hide behind another or under a label; nearly all must be where expected.
    expect(seen).toBeGreaterThanOrEqual(Math.ceil(0.8 * visible))
  })

  it('names the satellite under the pointer', async () => {
    const { page } = opened
    await page.mouse.move(sat.x + 1, sat.y + 1)
    await expect.poll(() => page.locator('.hover-tip').textContent(), { timeout: 20_000 }).toBe(sat.id)
    await screenshot(page, 'scene-hover')
  })

  it('selects it on click, with a ring and its name beside it', async () => {
    const { page } = opened
    await page.mouse.click(sat.x + 1, sat.y + 1)
    await waitForState(page, (s) => s.selected === sat.id, `${sat.id} to be selected`)
    const label = page.getByTestId('scene-selected-label')
    await expect.poll(() => label.isVisible(), { timeout: 20_000 }).toBe(true)
    expect(await label.textContent()).toBe(sat.id)
    const box = (await label.boundingBox())!
    expect(Math.abs(box.x - sat.x)).toBeLessThan(40)
    expect(Math.abs(box.y + box.height / 2 - sat.y)).toBeLessThan(20)
    await screenshot(page.locator('canvas').first(), 'scene-selected')
  })

  it('keeps the selection when the camera is dragged, and clears it on a click in empty space', async () => {
    const { page } = opened
    const { box } = data
    // Left edge, half way down: dark sky in the initial view.
    const x = box.x + 25
    const y = box.y + box.height / 2
    await page.mouse.move(x, y)
    await page.mouse.down()
    await page.mouse.move(x + 140, y + 30, { steps: 10 })
    await page.mouse.up()
    await nextFrames(page, 5)
    expect((await appState(page)).selected).toBe(sat.id)
    await page.mouse.click(x, y)
    await waitForState(page, (s) => s.selected === null, 'the selection to clear')
    await expect
      .poll(() => page.getByTestId('scene-selected-label').isVisible(), { timeout: 20_000 })
      .toBe(false)
  })

  it('flies to the selected satellite on focus and back home on reset', async () => {
    const { page } = opened
    await page.evaluate((id) => {
      // biome-ignore lint/suspicious/noExplicitAny: the app's test hook
      const session = (window as any).__missionSandbox
      session.select(id)
      session.app.setState((s: { focusRequest: number }) => ({ focusRequest: s.focusRequest + 1 }))
    }, sat.id)
    const label = page.getByTestId('scene-selected-label')
    const { box } = data
    // The followed satellite ends at the centre of the view.
    await expect
      .poll(
        async () => {
          const b = await label.boundingBox()
          return b
            ? Math.hypot(
                b.x - LABEL_DX - (box.x + box.width / 2),
                b.y + b.height / 2 - (box.y + box.height / 2),
              )
            : 1e9
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBeLessThan(12)
    await screenshot(page.locator('canvas').first(), 'scene-focus')
    await page.evaluate(() => {
      // biome-ignore lint/suspicious/noExplicitAny: the app's test hook
      const session = (window as any).__missionSandbox
      session.app.setState((s: { resetRequest: number }) => ({ resetRequest: s.resetRequest + 1 }))
    })
    // Home again: the satellite is back where the initial camera sees it.
    await expect
      .poll(
        async () => {
          const b = await label.boundingBox()
          return b ? Math.hypot(b.x - LABEL_DX - sat.x, b.y + b.height / 2 - sat.y) : 1e9
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBeLessThan(12)
    await screenshot(page.locator('canvas').first(), 'scene-reset')
  })

  it('logs no console errors, page errors or failed requests', async () => {
    await nextFrames(opened.page, 10)
    expect(opened.problems).toEqual([])
  })
})
