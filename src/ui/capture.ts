// A PNG of a 3D viewport, for the Export menu. The canvases render on demand and do not keep
// their drawing buffer, so a capture draws the scene once more and reads the pixels in the same
// task, before the browser may clear them. Each viewport registers its capture while mounted.

import { useThree } from '@react-three/fiber'
import { useEffect } from 'react'

const captures = new Map<number, () => string>()

/** Mount inside a viewport's <Canvas>: registers how to capture it. */
export function CaptureBridge({ index }: { index: number }) {
  const gl = useThree((s) => s.gl)
  const scene = useThree((s) => s.scene)
  const camera = useThree((s) => s.camera)
  useEffect(() => {
    const capture = () => {
      gl.render(scene, camera)
      return gl.domElement.toDataURL('image/png')
    }
    captures.set(index, capture)
    return () => {
      if (captures.get(index) === capture) captures.delete(index)
    }
  }, [gl, scene, camera, index])
  return null
}

/** A PNG data URL of the first viewport, or null when none is shown. */
export function captureViewportPng(): string | null {
  const first = [...captures.keys()].sort((a, b) => a - b)[0]
  return first === undefined ? null : (captures.get(first)?.() ?? null)
}
