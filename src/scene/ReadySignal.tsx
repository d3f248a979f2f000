// Marks the WebGL canvas `data-ready="true"` once a few frames have been drawn, so browser tests
// can wait for the app's own "first frames drawn" flag instead of a timer. No React state: the
// flag is a DOM attribute. With `when`, only frames drawn while it holds count (SimScene counts
// frames drawn with simulation data). Asks for frames until then, so an on-demand frame loop
// gets there too.

import { useFrame, useThree } from '@react-three/fiber'
import { useRef } from 'react'

/** Frames drawn before the canvas is marked `data-ready="true"`. */
export const READY_AFTER_FRAMES = 3

export function ReadySignal({ when }: { when?: () => boolean }) {
  const gl = useThree((state) => state.gl)
  const invalidate = useThree((state) => state.invalidate)
  const frames = useRef(0)
  useFrame(() => {
    // useFrame runs before each render, so on call n + 1 the first n frames have been drawn.
    if (frames.current > READY_AFTER_FRAMES) return
    if (when && !when()) return
    if (frames.current === READY_AFTER_FRAMES) gl.domElement.dataset.ready = 'true'
    frames.current++
    invalidate()
  })
  return null
}
