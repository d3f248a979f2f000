// The selected satellite's sensor footprint: the spherical cap it can image within its bus's
// maximum off-nadir angle (footprint.ts gives the cap's Earth central angle λ from the altitude),
// drawn as a translucent cap and an outline on the globe, plus a faint nadir line from the
// satellite down to the sub-satellite point. Per frame: one asin/acos pair, a quaternion and two
// uniforms — the cap's vertices are placed by the vertex shader from (fraction of λ, azimuth).

import { useFrame } from '@react-three/fiber'
import { useLayoutEffect, useMemo } from 'react'
import {
  BufferAttribute,
  BufferGeometry,
  Color,
  Group,
  Line,
  LineBasicMaterial,
  LineLoop,
  Mesh,
  ShaderMaterial,
  Vector3,
} from 'three'
import { type FrameRef, KM_PER_UNIT } from '../contract'
import { footprintCentralAngle } from '../footprint'
import type { FleetOrbits } from '../orbits'
import { drawableCount, ORDER, strategyFrame } from './common'

const RINGS = 6
const SEGMENTS = 96
const CAP_RADIUS = 1.0025
const OUTLINE_RADIUS = 1.0035

const vertexShader = /* glsl */ `
uniform float lambda;
uniform float radius;
void main() {
  // position.x: fraction of the cap's central angle (0 at the centre, 1 at the edge); y: azimuth.
  float theta = position.x * lambda;
  vec3 p = radius * vec3(sin(theta) * cos(position.y), sin(theta) * sin(position.y), cos(theta));
  gl_Position = projectionMatrix * modelViewMatrix * vec4(p, 1.0);
}
`

const fragmentShader = /* glsl */ `
uniform vec3 colour;
uniform float opacity;
void main() {
  gl_FragColor = vec4(colour, opacity);
  #include <colorspace_fragment>
}
`

function capGeometry(): BufferGeometry {
  // Centre vertex, then RINGS rings of SEGMENTS vertices.
  const positions = new Float32Array(3 * (1 + RINGS * SEGMENTS))
  for (let r = 1; r <= RINGS; r++) {
    for (let s = 0; s < SEGMENTS; s++) {
      const v = 1 + (r - 1) * SEGMENTS + s
      positions[3 * v] = r / RINGS
      positions[3 * v + 1] = (2 * Math.PI * s) / SEGMENTS
    }
  }
  const index: number[] = []
  for (let s = 0; s < SEGMENTS; s++) index.push(0, 1 + s, 1 + ((s + 1) % SEGMENTS))
  for (let r = 1; r < RINGS; r++) {
    const a = 1 + (r - 1) * SEGMENTS
    const b = a + SEGMENTS
    for (let s = 0; s < SEGMENTS; s++) {
      const s1 = (s + 1) % SEGMENTS
      index.push(a + s, b + s, b + s1, a + s, b + s1, a + s1)
    }
  }
  const g = new BufferGeometry()
  g.setAttribute('position', new BufferAttribute(positions, 3))
  g.setIndex(index)
  return g
}

function outlineGeometry(): BufferGeometry {
  const positions = new Float32Array(3 * SEGMENTS)
  for (let s = 0; s < SEGMENTS; s++) {
    positions[3 * s] = 1
    positions[3 * s + 1] = (2 * Math.PI * s) / SEGMENTS
  }
  const g = new BufferGeometry()
  g.setAttribute('position', new BufferAttribute(positions, 3))
  return g
}

const Z = new Vector3(0, 0, 1)
const DIR = new Vector3()

export interface FootprintProps {
  frame: FrameRef
  strategyIndex: number
  orbits: FleetOrbits
  selectedIndex: number
  colour: string
}

export function Footprint({ frame, strategyIndex, orbits, selectedIndex, colour }: FootprintProps) {
  const parts = useMemo(() => {
    const c = new Color(colour)
    const material = (radius: number, opacity: number) =>
      new ShaderMaterial({
        uniforms: {
          lambda: { value: 0 },
          radius: { value: radius },
          colour: { value: c },
          opacity: { value: opacity },
        },
        vertexShader,
        fragmentShader,
        transparent: true,
        depthWrite: false,
      })
    const group = new Group()
    group.visible = false
    const cap = new Mesh(capGeometry(), material(CAP_RADIUS, 0.16))
    cap.renderOrder = ORDER.footprint
    const outline = new LineLoop(outlineGeometry(), material(OUTLINE_RADIUS, 0.85))
    outline.renderOrder = ORDER.footprint + 0.5
    group.add(cap, outline)
    for (const o of [cap, outline]) {
      o.frustumCulled = false
      o.raycast = () => {}
    }
    const nadirGeometry = new BufferGeometry()
    nadirGeometry.setAttribute('position', new BufferAttribute(new Float32Array(6), 3))
    const nadir = new Line(
      nadirGeometry,
      new LineBasicMaterial({ color: c, transparent: true, opacity: 0.35, depthWrite: false }),
    )
    nadir.frustumCulled = false
    nadir.visible = false
    nadir.raycast = () => {}
    nadir.renderOrder = ORDER.footprint
    return { group, cap, outline, nadir }
  }, [colour])

  useLayoutEffect(
    () => () => {
      for (const o of [parts.cap, parts.outline, parts.nadir]) {
        o.geometry.dispose()
        ;(o.material as ShaderMaterial | LineBasicMaterial).dispose()
      }
    },
    [parts],
  )

  useFrame(() => {
    const { group, cap, outline, nadir } = parts
    const sf = strategyFrame(frame, strategyIndex)
    const k = selectedIndex
    if (!sf || k < 0 || k >= drawableCount(sf, orbits.count)) {
      group.visible = false
      nadir.visible = false
      return
    }
    const p = sf.positionsKm
    DIR.set(p[3 * k], p[3 * k + 1], p[3 * k + 2]).divideScalar(KM_PER_UNIT)
    const r = DIR.length()
    if (!(r > 1)) {
      group.visible = false
      nadir.visible = false
      return
    }
    const lambda = footprintCentralAngle(r, orbits.maxOffNadirRad[k])
    DIR.divideScalar(r)
    group.quaternion.setFromUnitVectors(Z, DIR)
    ;(cap.material as ShaderMaterial).uniforms.lambda.value = lambda
    ;(outline.material as ShaderMaterial).uniforms.lambda.value = lambda
    group.visible = lambda > 0
    const a = (nadir.geometry.getAttribute('position') as BufferAttribute).array as Float32Array
    a[0] = DIR.x * r
    a[1] = DIR.y * r
    a[2] = DIR.z * r
    a[3] = DIR.x * CAP_RADIUS
    a[4] = DIR.y * CAP_RADIUS
    a[5] = DIR.z * CAP_RADIUS
    nadir.geometry.getAttribute('position').needsUpdate = true
    nadir.visible = true
  })

  return (
    <>
      <primitive object={parts.group} />
      <primitive object={parts.nadir} />
    </>
  )
}
