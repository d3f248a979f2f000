// Dev harness only: the performance baseline — a bare three.js page (no React, no R3F) drawing
// 1,000 instanced spheres that move every frame, with a lit sphere for an Earth. The scene
// demo's frame rate is compared with this page's in the same browser (`?n=` changes the count).
// `window.__bare.fps()` reports frames per second since the last call.

import {
  AmbientLight,
  Color,
  DirectionalLight,
  InstancedMesh,
  Matrix4,
  Mesh,
  MeshBasicMaterial,
  MeshLambertMaterial,
  PerspectiveCamera,
  Scene,
  SphereGeometry,
  WebGLRenderer,
} from 'three'

const n = Number(new URLSearchParams(location.search).get('n') ?? 1000)
const renderer = new WebGLRenderer({ antialias: true })
renderer.setPixelRatio(Math.min(2, devicePixelRatio))
renderer.setSize(innerWidth, innerHeight)
document.body.appendChild(renderer.domElement)
const scene = new Scene()
scene.background = new Color('#03060d')
const camera = new PerspectiveCamera(40, innerWidth / innerHeight, 0.01, 2000)
camera.position.set(0, -4, 1.2)
camera.up.set(0, 0, 1)
camera.lookAt(0, 0, 0)
scene.add(new AmbientLight(0xffffff, 0.4), new DirectionalLight(0xffffff, 2))
scene.add(new Mesh(new SphereGeometry(1, 192, 96), new MeshLambertMaterial({ color: '#1f67a3' })))
const spheres = new InstancedMesh(
  new SphereGeometry(0.012, 12, 8),
  new MeshBasicMaterial({ color: '#7ee8ff' }),
  n,
)
scene.add(spheres)
const m = new Matrix4()
let frames = 0
let since = performance.now()
function loop(t: number) {
  for (let k = 0; k < n; k++) {
    const u = (k / n) * Math.PI * 2 * 37 + t / 4000
    const plane = (k % 24) * (Math.PI / 12)
    const r = 1.086
    const x = r * Math.cos(u)
    const y = r * Math.sin(u) * Math.cos(0.92)
    const z = r * Math.sin(u) * Math.sin(0.92)
    m.makeTranslation(x * Math.cos(plane) - y * Math.sin(plane), x * Math.sin(plane) + y * Math.cos(plane), z)
    spheres.setMatrixAt(k, m)
  }
  spheres.instanceMatrix.needsUpdate = true
  renderer.render(scene, camera)
  frames++
  requestAnimationFrame(loop)
}
requestAnimationFrame(loop)
;(window as unknown as { __bare: unknown }).__bare = {
  fps: () => {
    const now = performance.now()
    const f = (frames * 1000) / (now - since)
    frames = 0
    since = now
    return f
  },
}
document.body.dataset.ready = 'true'
