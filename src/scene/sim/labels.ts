// Text labels over the 3D view, as plain DOM: one absolutely positioned layer per use, appended to
// the element R3F listens on (the Canvas's wrapper div, or a drei <View>'s tracking element), and
// label elements moved per frame with a CSS transform. No React root per label (drei's <Html>
// makes one each, and unmounting those while R3F commits a scenario change breaks React 19), no
// React state: text and visibility are set directly, and only when they change.

import { useThree } from '@react-three/fiber'
import { useLayoutEffect, useMemo } from 'react'
import { type Camera, Vector3 } from 'three'

export const LABEL_STYLE: Partial<CSSStyleDeclaration> = {
  position: 'absolute',
  left: '0',
  top: '0',
  padding: '1px 6px',
  borderRadius: '3px',
  background: 'rgba(5, 12, 24, 0.78)',
  color: '#ffffff',
  font: '600 11px/1.4 system-ui, sans-serif',
  whiteSpace: 'nowrap',
  pointerEvents: 'none',
  userSelect: 'none',
  willChange: 'transform',
}

/** A full-size, click-through layer for labels, attached while the component is mounted. */
export function useLabelLayer(zIndex: number): HTMLDivElement {
  const gl = useThree((s) => s.gl)
  const connected = useThree((s) => s.events.connected) as HTMLElement | null | undefined
  const layer = useMemo(() => {
    const d = document.createElement('div')
    Object.assign(d.style, {
      position: 'absolute',
      left: '0',
      top: '0',
      width: '100%',
      height: '100%',
      overflow: 'hidden',
      pointerEvents: 'none',
      zIndex: String(zIndex),
    })
    return d
  }, [zIndex])
  useLayoutEffect(() => {
    const target = connected instanceof HTMLElement ? connected : gl.domElement.parentElement
    if (!target) return
    target.appendChild(layer)
    return () => layer.remove()
  }, [layer, connected, gl])
  return layer
}

/** A label element, styled (`extra` overrides the common style), hidden until placed. */
export function makeLabel(testId: string, extra: Partial<CSSStyleDeclaration> = {}): HTMLDivElement {
  const el = document.createElement('div')
  Object.assign(el.style, LABEL_STYLE, extra, { display: 'none' })
  el.dataset.testid = testId
  return el
}

/** Keeps these label elements in the layer while the component is mounted. */
export function useAttachedLabels(layer: HTMLElement, labels: readonly HTMLElement[]): void {
  useLayoutEffect(() => {
    for (const el of labels) layer.appendChild(el)
    return () => {
      for (const el of labels) el.remove()
    }
  }, [layer, labels])
}

const NDC = new Vector3()
/** The transform last written per label (the style getter returns a normalised string). */
const LAST = new WeakMap<HTMLElement, string>()

/**
 * Moves a label to a world point (offset by dx, dy CSS pixels, vertically centred) or hides it.
 * `camera.matrixWorldInverse` must be current (call camera.updateMatrixWorld() first in a frame).
 * Writes the style only when it changes.
 */
export function placeLabel(
  el: HTMLElement,
  world: Vector3 | null,
  camera: Camera,
  width: number,
  height: number,
  dx = 12,
  dy = 0,
): void {
  let display = 'none'
  if (world) {
    NDC.copy(world).project(camera)
    if (NDC.z < 1 && Math.abs(NDC.x) < 1.2 && Math.abs(NDC.y) < 1.2) {
      display = 'block'
      const x = Math.round(((NDC.x + 1) / 2) * width + dx)
      const y = Math.round(((1 - NDC.y) / 2) * height + dy)
      const transform = `translate(${x}px, ${y}px) translateY(-50%)`
      if (LAST.get(el) !== transform) {
        LAST.set(el, transform)
        el.style.transform = transform
      }
    }
  }
  if (el.style.display !== display) el.style.display = display
}

/** Whether the straight segment from a (outside the Earth) to b passes through the unit sphere. */
export function segmentCrossesEarth(a: Vector3, b: Vector3, radius = 1): boolean {
  const wx = b.x - a.x
  const wy = b.y - a.y
  const wz = b.z - a.z
  const w2 = wx * wx + wy * wy + wz * wz
  if (!(w2 > 0)) return false
  const s = Math.min(1, Math.max(0, -(a.x * wx + a.y * wy + a.z * wz) / w2))
  const x = a.x + s * wx
  const y = a.y + s * wy
  const z = a.z + s * wz
  return x * x + y * y + z * z < radius * radius
}
