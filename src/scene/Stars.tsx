// A static, seeded starfield fixed in ECI. Round points with per-star size and colour; drawn
// without depth writes so it never occludes anything.

import { useThree } from '@react-three/fiber'
import { useLayoutEffect, useMemo } from 'react'
import { AdditiveBlending, BufferAttribute, BufferGeometry, ShaderMaterial } from 'three'
import { buildStarfield } from './starfield'

export interface StarsProps {
  count?: number
  /** Sphere radius in scene units; keep it inside the camera's far plane. */
  radius?: number
  seed?: number
}

const vertexShader = /* glsl */ `
attribute float size;
attribute vec3 color;
uniform float pixelRatio;
varying vec3 vColor;
void main() {
  vColor = color;
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
  gl_PointSize = size * pixelRatio;
}
`

const fragmentShader = /* glsl */ `
varying vec3 vColor;
void main() {
  vec2 d = gl_PointCoord - vec2(0.5);
  float a = 1.0 - smoothstep(0.25, 0.5, length(d));
  if (a <= 0.0) discard;
  gl_FragColor = vec4(vColor * a, 1.0);
  #include <colorspace_fragment>
}
`

export function Stars({ count = 3000, radius = 400, seed = 20260320 }: StarsProps) {
  const geometry = useMemo(() => {
    const s = buildStarfield(count, radius, seed)
    const g = new BufferGeometry()
    g.setAttribute('position', new BufferAttribute(s.positions, 3))
    g.setAttribute('color', new BufferAttribute(s.colors, 3))
    g.setAttribute('size', new BufferAttribute(s.sizes, 1))
    g.computeBoundingSphere()
    return g
  }, [count, radius, seed])
  const material = useMemo(
    () =>
      new ShaderMaterial({
        uniforms: { pixelRatio: { value: 1 } },
        vertexShader,
        fragmentShader,
        transparent: true,
        depthWrite: false,
        blending: AdditiveBlending,
      }),
    [],
  )
  const dpr = useThree((state) => state.viewport.dpr)
  useLayoutEffect(() => {
    material.uniforms.pixelRatio.value = dpr
  }, [material, dpr])
  useLayoutEffect(() => () => geometry.dispose(), [geometry])
  useLayoutEffect(() => () => material.dispose(), [material])
  return <points geometry={geometry} material={material} frustumCulled={false} renderOrder={-2} />
}
