// The Earth: a unit sphere (1 scene unit = Rₑ = 6378.137 km) in the ECI frame (z = north).
// Everything Earth-fixed (albedo map, lat/lon grid) lives in one group rotated about +z by GMST,
// which maps ECEF into ECI: r_eci = R_z(GMST) · r_ecef. The day/night shading uses the Sun
// direction in ECI (world space), so it stays put while the Earth turns underneath it.
//
// Per-frame driving: pass `getState` and the values are read in useFrame (no React renders);
// otherwise the `gmstRad` / `sunDirEci` props are applied whenever they change.

import { useFrame } from '@react-three/fiber'
import { useLayoutEffect, useMemo, useRef } from 'react'
import {
  AdditiveBlending,
  BackSide,
  BufferAttribute,
  BufferGeometry,
  type Group,
  ShaderMaterial,
  Vector3,
} from 'three'
import { createEarthTexture } from './earthTexture'
import { buildGraticule } from './geo'
import { HALO_SEGMENTS, makeSphereGeometry, SURFACE_SEGMENTS } from './globe-mesh'

export interface EarthState {
  gmstRad: number
  /** Unit vector from the Earth towards the Sun, ECI. */
  sunDirEci: ArrayLike<number>
}

export interface EarthProps {
  gmstRad: number
  sunDirEci: ArrayLike<number>
  /** When given, polled every frame and takes precedence over the props. */
  getState?: () => EarthState
  /** Lat/lon grid spacing, degrees (0 hides it). */
  gridStepDeg?: number
}

const surfaceVertex = /* glsl */ `
varying vec2 vUv;
varying vec3 vNormalW;
varying vec3 vToCamera;
void main() {
  vUv = uv;
  vec4 world = modelMatrix * vec4(position, 1.0);
  vNormalW = normalize(mat3(modelMatrix) * normal);
  vToCamera = cameraPosition - world.xyz;
  gl_Position = projectionMatrix * viewMatrix * world;
}
`

const surfaceFragment = /* glsl */ `
uniform sampler2D map;
uniform vec3 sunDir;
varying vec2 vUv;
varying vec3 vNormalW;
varying vec3 vToCamera;
void main() {
  vec3 n = normalize(vNormalW);
  vec3 v = normalize(vToCamera);
  vec3 s = normalize(sunDir);
  float mu = dot(n, s);
  vec3 albedo = texture2D(map, vUv).rgb;
  // Soft terminator: a few degrees of twilight either side of mu = 0.
  float day = smoothstep(-0.10, 0.14, mu);
  vec3 lit = albedo * (0.42 + 0.78 * max(mu, 0.0));
  // A touch of sun glint on the oceans (blue-dominant texels).
  float ocean = smoothstep(0.02, 0.12, albedo.b - albedo.g);
  vec3 h = normalize(s + v);
  lit += ocean * 0.22 * pow(max(dot(n, h), 0.0), 90.0) * vec3(1.0, 0.95, 0.85);
  vec3 night = albedo * 0.075 + vec3(0.003, 0.008, 0.03);
  vec3 colour = mix(night, lit, day);
  // Thin atmosphere seen edge-on: blue rim, brighter on the day side.
  float rim = pow(1.0 - max(dot(n, v), 0.0), 3.0);
  colour += vec3(0.25, 0.5, 1.0) * rim * (0.05 + 0.55 * day);
  gl_FragColor = vec4(colour, 1.0);
  #include <colorspace_fragment>
}
`

const haloVertex = /* glsl */ `
varying vec3 vNormalW;
varying vec3 vToCamera;
void main() {
  vec4 world = modelMatrix * vec4(position, 1.0);
  vNormalW = normalize(mat3(modelMatrix) * normal);
  vToCamera = cameraPosition - world.xyz;
  gl_Position = projectionMatrix * viewMatrix * world;
}
`

const haloFragment = /* glsl */ `
uniform vec3 sunDir;
uniform float limbCos;
varying vec3 vNormalW;
varying vec3 vToCamera;
void main() {
  vec3 n = normalize(vNormalW);
  vec3 v = normalize(vToCamera);
  // Back faces of a slightly larger sphere. Seen from afar, -dot(n, v) runs from 0 at the halo's
  // outer edge to limbCos at the Earth's limb: fade in from the edge, strongest at the limb.
  float t = clamp(-dot(n, v) / limbCos, 0.0, 1.0);
  float edge = t * t * t;
  float day = smoothstep(-0.35, 0.3, dot(n, normalize(sunDir)));
  gl_FragColor = vec4(vec3(0.3, 0.55, 1.0) * edge * (0.08 + 0.92 * day), 1.0);
  #include <colorspace_fragment>
}
`

const HALO_RADIUS = 1.035
export function Earth({ gmstRad, sunDirEci, getState, gridStepDeg = 30 }: EarthProps) {
  const fixed = useRef<Group>(null)
  const sun = useMemo(() => new Vector3(1, 0, 0), [])

  const sphere = useMemo(() => makeSphereGeometry(...SURFACE_SEGMENTS), [])
  const haloSphere = useMemo(() => makeSphereGeometry(...HALO_SEGMENTS), [])
  const texture = useMemo(() => createEarthTexture(), [])
  const surface = useMemo(
    () =>
      new ShaderMaterial({
        uniforms: { map: { value: texture }, sunDir: { value: sun } },
        vertexShader: surfaceVertex,
        fragmentShader: surfaceFragment,
      }),
    [texture, sun],
  )
  const halo = useMemo(
    () =>
      new ShaderMaterial({
        uniforms: { sunDir: { value: sun }, limbCos: { value: Math.sqrt(1 - 1 / HALO_RADIUS ** 2) } },
        vertexShader: haloVertex,
        fragmentShader: haloFragment,
        side: BackSide,
        blending: AdditiveBlending,
        transparent: true,
        depthWrite: false,
      }),
    [sun],
  )
  const grid = useMemo(() => {
    if (gridStepDeg <= 0) return null
    const g = new BufferGeometry()
    g.setAttribute('position', new BufferAttribute(buildGraticule(gridStepDeg, 1.0015), 3))
    return g
  }, [gridStepDeg])

  useLayoutEffect(
    () => () => {
      for (const d of [sphere, haloSphere, texture, surface, halo, grid]) d?.dispose()
    },
    [sphere, haloSphere, texture, surface, halo, grid],
  )

  useLayoutEffect(() => {
    sun.set(sunDirEci[0], sunDirEci[1], sunDirEci[2]).normalize()
    if (fixed.current) fixed.current.rotation.z = gmstRad
  }, [gmstRad, sunDirEci, sun])

  useFrame(() => {
    if (!getState) return
    const s = getState()
    sun.set(s.sunDirEci[0], s.sunDirEci[1], s.sunDirEci[2]).normalize()
    if (fixed.current) fixed.current.rotation.z = s.gmstRad
  })

  return (
    <group>
      <group ref={fixed} rotation={[0, 0, gmstRad]}>
        <mesh geometry={sphere} material={surface} />
        {grid && (
          <lineSegments geometry={grid}>
            <lineBasicMaterial color="#cfe3ff" transparent opacity={0.22} depthWrite={false} />
          </lineSegments>
        )}
      </group>
      <mesh material={halo} scale={HALO_RADIUS} geometry={haloSphere} renderOrder={-1} />
    </group>
  )
}
