// How satellites look: one point sprite each, shaded like a small sphere lit from the camera, a
// constant number of pixels across whatever the zoom. Shared by the app's scene (sim/Satellites.tsx)
// and the bare baseline page of `npm run bench:browser`, so both draw satellites alike.
//
// Why points and not instanced meshes: a software rasteriser (SwiftShader, what browsers without a
// GPU use) pays a fixed set-up per instance of an instanced draw; at 10,000 satellites that alone
// held the app to about 4 frames a second, where one draw of 10,000 points takes a few
// milliseconds. A sprite of at most ~32 device pixels is well inside every WebGL implementation's
// point-size range (the required minimum is 1; desktop and SwiftShader allow 1024, phones 64+).

import { ShaderMaterial } from 'three'

/** The selected satellite is drawn this much larger. */
export const SELECTED_SCALE = 1.75

/** Radius of a satellite on screen, CSS pixels: smaller as the constellation grows. */
export function satelliteSizePx(count: number): number {
  if (count <= 100) return 4.5
  if (count <= 1000) return 3.4
  if (count <= 5000) return 2.6
  return 2.1
}

const vertexShader = /* glsl */ `
uniform float sizePx;
uniform float pixelRatio;
uniform float unitsPerPosition;
uniform int selected;
uniform float selectedScale;
attribute vec3 satColour;
varying vec3 vColor;
void main() {
  float scale = gl_VertexID == selected ? selectedScale : 1.0;
  vColor = satColour;
  gl_PointSize = 2.0 * sizePx * scale * pixelRatio;
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position * unitsPerPosition, 1.0);
}
`

// The disc of the point; its brightness from the sphere's normal towards the viewer, whose
// component is sqrt(1 − r²) at distance r from the centre (0.6 at the rim, 1 in the middle).
const fragmentShader = /* glsl */ `
varying vec3 vColor;
void main() {
  vec2 c = 2.0 * gl_PointCoord - 1.0;
  float r2 = dot(c, c);
  if (r2 > 1.0) discard;
  gl_FragColor = vec4(vColor * (0.6 + 0.4 * sqrt(1.0 - r2)), 1.0);
  #include <colorspace_fragment>
}
`

/**
 * The satellites' material, for a `Points` whose geometry has `position` (any unit:
 * `unitsPerPosition` scales it to scene units) and `satColour` (linear RGB) per satellite.
 * Set the uniforms `sizePx` (satelliteSizePx), `pixelRatio` (device pixels per CSS pixel) and
 * `selected` (a vertex index, −1 for none) as they change.
 */
export function satelliteMaterial(unitsPerPosition: number): ShaderMaterial {
  return new ShaderMaterial({
    uniforms: {
      sizePx: { value: 4 },
      pixelRatio: { value: 1 },
      unitsPerPosition: { value: unitsPerPosition },
      selected: { value: -1 },
      selectedScale: { value: SELECTED_SCALE },
    },
    vertexShader,
    fragmentShader,
  })
}
