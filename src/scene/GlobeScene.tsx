// Everything inside the R3F <Canvas>: background, stars, the Earth, camera controls, and a
// ready signal for tests. No React state changes per frame: the ready flag is a DOM attribute.

import { OrbitControls } from '@react-three/drei'
import { useFrame, useThree } from '@react-three/fiber'
import { useRef } from 'react'
import { Earth, type EarthState } from './Earth'
import { Stars } from './Stars'

export interface GlobeSceneProps {
  gmstRad: number
  sunDirEci: ArrayLike<number>
  getEarthState?: () => EarthState
}

/** Frames drawn before the canvas is marked `data-ready="true"`. */
const READY_AFTER_FRAMES = 3

/** Marks the WebGL canvas `data-ready="true"` once a few frames have been drawn. */
function ReadySignal() {
  const gl = useThree((state) => state.gl)
  const frames = useRef(0)
  useFrame(() => {
    // useFrame runs before each render, so on call n + 1 the first n frames have been drawn.
    if (frames.current > READY_AFTER_FRAMES) return
    if (frames.current === READY_AFTER_FRAMES) gl.domElement.dataset.ready = 'true'
    frames.current++
  })
  return null
}

export function GlobeScene({ gmstRad, sunDirEci, getEarthState }: GlobeSceneProps) {
  return (
    <>
      <color attach="background" args={['#03060d']} />
      <Stars />
      <Earth gmstRad={gmstRad} sunDirEci={sunDirEci} getState={getEarthState} />
      <OrbitControls
        makeDefault
        enableDamping
        dampingFactor={0.08}
        enablePan={false}
        minDistance={1.4}
        maxDistance={60}
        rotateSpeed={0.6}
        zoomSpeed={0.8}
      />
      <ReadySignal />
    </>
  )
}
