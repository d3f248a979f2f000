// The baseline of `npm run bench:browser`: a bare three.js page drawing N satellites as the app
// does (one Points object with the scene's satellite sprites, satellite-sprites.ts, at the app's size
// for N, flat colour) moving on circular orbits around the origin, every animation frame, at the size of the app's canvas. No React, no worker, no Earth.
// Query: ?n=1000&w=1008&h=700; &earth=1 adds the app's Earth (its texture on a sphere of the same
// tessellation, unlit) to tell what the Earth alone costs. Exposes window.__bare = { frames } and
// marks `bare:first-frame`.

import {
  BufferAttribute,
  BufferGeometry,
  Color,
  DynamicDrawUsage,
  Mesh,
  MeshBasicMaterial,
  PerspectiveCamera,
  Points,
  Scene,
  WebGLRenderer,
} from 'three'
import { softwareWebGL } from '../src/scene/renderer-quality'
import { satelliteMaterial, satelliteSizePx } from '../src/scene/satellite-sprites'

const q = new URLSearchParams(location.search)
const n = Math.max(1, Math.min(100_000, Number(q.get('n')) || 1000))
const width = Number(q.get('w')) || innerWidth
const height = Number(q.get('h')) || innerHeight

// The app's rule for MSAA (off on a software rasterizer), so both pages draw alike.
const renderer = new WebGLRenderer({ antialias: !softwareWebGL() })
renderer.setPixelRatio(1)
renderer.setSize(width, height)
document.body.appendChild(renderer.domElement)

const scene = new Scene()
scene.background = new Color('#03060d')
const camera = new PerspectiveCamera(40, width / height, 0.01, 2000)
camera.position.set(0, -3.6, 1.6)
camera.up.set(0, 0, 1)
camera.lookAt(0, 0, 0)

// Positions in scene units (unitsPerPosition 1), one flat cyan for every satellite.
const geometry = new BufferGeometry()
const position = new BufferAttribute(new Float32Array(3 * n), 3).setUsage(DynamicDrawUsage)
const cyan = new Color('#7ee8ff')
const colours = new Float32Array(3 * n)
for (let k = 0; k < n; k++) cyan.toArray(colours, 3 * k)
geometry.setAttribute('position', position)
geometry.setAttribute('satColour', new BufferAttribute(colours, 3))
const material = satelliteMaterial(1)
material.uniforms.sizePx.value = satelliteSizePx(n)
const satellites = new Points(geometry, material)
satellites.frustumCulled = false
scene.add(satellites)

if (q.get('earth') === '1') {
  // Loaded on demand, so the page's own JavaScript (the size baseline) stays three.js alone.
  // The land outline as the app has it (a JSON file fetched beside the code, scene/land.ts).
  const [{ createEarthTexture }, { makeSphereGeometry, SURFACE_SEGMENTS }, { loadLand }] = await Promise.all([
    import('../src/scene/earthTexture'),
    import('../src/scene/globe-mesh'),
    import('../src/scene/land'),
  ])
  await loadLand()
  scene.add(
    new Mesh(makeSphereGeometry(...SURFACE_SEGMENTS), new MeshBasicMaterial({ map: createEarthTexture() })),
  )
}

// Circular orbits: radius, inclination, node, phase, rate per satellite.
const orbit = new Float64Array(5 * n)
for (let k = 0; k < n; k++) {
  orbit[5 * k] = 1.08 + 0.04 * ((k * 7) % 5)
  orbit[5 * k + 1] = (53 * Math.PI) / 180
  orbit[5 * k + 2] = ((k % 40) / 40) * 2 * Math.PI
  orbit[5 * k + 3] = ((k * 0.618) % 1) * 2 * Math.PI
  orbit[5 * k + 4] = 0.2 + 0.01 * (k % 7)
}

const xyz = position.array as Float32Array
const state = { frames: 0 }
Object.assign(window, { __bare: state })

function frame(now: number): void {
  const t = now / 1000
  for (let k = 0; k < n; k++) {
    const o = 5 * k
    const r = orbit[o]
    const u = orbit[o + 3] + orbit[o + 4] * t
    const ci = Math.cos(orbit[o + 1])
    const si = Math.sin(orbit[o + 1])
    const cn = Math.cos(orbit[o + 2])
    const sn = Math.sin(orbit[o + 2])
    const x = r * Math.cos(u)
    const y = r * Math.sin(u)
    xyz[3 * k] = x * cn - y * ci * sn
    xyz[3 * k + 1] = x * sn + y * ci * cn
    xyz[3 * k + 2] = y * si
  }
  position.needsUpdate = true
  renderer.render(scene, camera)
  state.frames++
  if (state.frames === 2) performance.mark('bare:first-frame')
  requestAnimationFrame(frame)
}
requestAnimationFrame(frame)
