// Paints the Earth's albedo map at runtime from Natural Earth land polygons (world-atlas, a JSON
// file of the build fetched as the page starts, land.ts: no image files). Equirectangular, mapping as in geo.ts:
// x = (lon + 180) / 360 · W, y = (90 − lat) / 180 · H, so the texture's centre column is
// Greenwich and its top row the north pole.
//
// The 1:110m land (55 KB) rather than 1:50m (0.5 MB): at this texture's 20 km a pixel the
// coastlines look alike from the default view, and painting 1:50m took 0.77 s of main thread
// before the first frame on a software renderer (first frame 1.6 s → 0.95 s), besides 100 KB of
// gzipped JavaScript.

import type { MultiPolygon, Polygon } from 'geojson'
import { CanvasTexture, LinearMipmapNearestFilter, SRGBColorSpace } from 'three'
import { feature } from 'topojson-client'
import { lonLatToPixel, unwrapRing } from './geo'
import { type LandTopology, landTopology } from './land'
import { softwareWebGL } from './renderer-quality'

export const EARTH_TEXTURE_WIDTH = 2048
export const EARTH_TEXTURE_HEIGHT = 1024

/** [latitude°, colour] stops from north to south, for a vertical gradient. */
const OCEAN_STOPS: [number, string][] = [
  [90, '#1d3f5e'],
  [60, '#1a4a78'],
  [25, '#1d5f98'],
  [0, '#1f67a3'],
  [-25, '#1d5f98'],
  [-60, '#1a4a78'],
  [-90, '#1d3f5e'],
]

const LAND_STOPS: [number, string][] = [
  [90, '#eef3f6'],
  [72, '#dfe7eb'],
  [66, '#8a9a86'],
  [58, '#4f6f45'],
  [45, '#668a4a'],
  [33, '#958c5e'],
  [22, '#b39d6a'],
  [12, '#6e9448'],
  [0, '#3f7a3a'],
  [-12, '#6e9448'],
  [-24, '#b99a64'],
  [-35, '#7c9a55'],
  [-50, '#5f7f4c'],
  [-58, '#9aa79a'],
  [-64, '#e2e9ed'],
  [-90, '#f2f6f8'],
]

function verticalGradient(ctx: CanvasRenderingContext2D, stops: [number, string][], h: number) {
  const g = ctx.createLinearGradient(0, 0, 0, h)
  for (const [lat, colour] of stops) g.addColorStop((90 - lat) / 180, colour)
  return g
}

function landPolygons(topo: LandTopology | null): Polygon['coordinates'][] {
  if (!topo) return []
  const fc = feature(topo, topo.objects.land)
  const out: Polygon['coordinates'][] = []
  for (const f of fc.features) {
    const g = f.geometry as Polygon | MultiPolygon
    if (g.type === 'Polygon') out.push(g.coordinates)
    else if (g.type === 'MultiPolygon') out.push(...g.coordinates)
  }
  return out
}

/** Draws the land/ocean map into a 2D context of size w × h (ocean only without an outline). */
export function paintEarth(
  ctx: CanvasRenderingContext2D,
  w: number,
  h: number,
  land: LandTopology | null = landTopology(),
): void {
  ctx.fillStyle = verticalGradient(ctx, OCEAN_STOPS, h)
  ctx.fillRect(0, 0, w, h)

  // Fill with the closed rings; stroke only real coastline (not the closures through the
  // poles, nor the polar "cap" rings TopoJSON stores at ±89.999°).
  const fill = new Path2D()
  const coast = new Path2D()
  for (const polygon of landPolygons(land)) {
    for (const ring of polygon) {
      const { points } = unwrapRing(ring)
      const coastCount = ring.length
      for (const offset of [-360, 0, 360]) {
        let penDown = false
        points.forEach(([lon, lat], i) => {
          const [x, y] = lonLatToPixel(lon + offset, lat, w, h)
          if (i === 0) fill.moveTo(x, y)
          else fill.lineTo(x, y)
          const onCoast = i < coastCount && Math.abs(lat) < 89.9
          if (onCoast && penDown) coast.lineTo(x, y)
          else if (onCoast) coast.moveTo(x, y)
          penDown = onCoast
        })
        fill.closePath()
      }
    }
  }
  ctx.fillStyle = verticalGradient(ctx, LAND_STOPS, h)
  ctx.fill(fill, 'evenodd')
  ctx.lineWidth = 1.2
  ctx.lineJoin = 'round'
  ctx.strokeStyle = 'rgba(214, 236, 255, 0.45)'
  ctx.stroke(coast)
}

/** The Earth's albedo map as a three.js texture (sRGB). */
export function createEarthTexture(): CanvasTexture {
  const canvas = document.createElement('canvas')
  canvas.width = EARTH_TEXTURE_WIDTH
  canvas.height = EARTH_TEXTURE_HEIGHT
  // A canvas kept in main memory: the browser paints it on the CPU and the texture upload reads
  // it from there. A GPU-backed canvas is painted by the GPU process and read back for the
  // upload; on a software rasterizer that made the first frame of a page drawing the Earth about
  // 1.4 s later (bench:browser's "bare three.js + the Earth": 2.2 s → 0.8 s).
  const ctx = canvas.getContext('2d', { willReadFrequently: true })
  if (!ctx) throw new Error('2D canvas is not available')
  paintEarth(ctx, canvas.width, canvas.height)
  const texture = new CanvasTexture(canvas)
  texture.colorSpace = SRGBColorSpace
  if (softwareWebGL()) {
    // One mip level, bilinear, no anisotropy: see renderer-quality.ts.
    texture.minFilter = LinearMipmapNearestFilter
  } else {
    texture.anisotropy = 8
  }
  texture.needsUpdate = true
  return texture
}
