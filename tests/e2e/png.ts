// A minimal PNG decoder for screenshots (8-bit greyscale/RGB/RGBA, non-interlaced — what
// Chromium writes), plus colour statistics to check what a WebGL canvas actually drew.

import { inflateSync } from 'node:zlib'

export interface Image {
  width: number
  height: number
  /** RGBA, 4 bytes per pixel, row-major from the top-left. */
  data: Uint8Array
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10]

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c
  const pa = Math.abs(p - a)
  const pb = Math.abs(p - b)
  const pc = Math.abs(p - c)
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c
}

export function decodePng(buf: Uint8Array): Image {
  for (let i = 0; i < 8; i++) if (buf[i] !== SIGNATURE[i]) throw new Error('not a PNG')
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength)
  let width = 0
  let height = 0
  let colourType = -1
  const idat: Uint8Array[] = []
  for (let pos = 8; pos < buf.length; ) {
    const length = view.getUint32(pos)
    const type = String.fromCharCode(buf[pos + 4], buf[pos + 5], buf[pos + 6], buf[pos + 7])
    const body = buf.subarray(pos + 8, pos + 8 + length)
    if (type === 'IHDR') {
      width = view.getUint32(pos + 8)
      height = view.getUint32(pos + 12)
      const depth = body[8]
      colourType = body[9]
      const interlace = body[12]
      if (depth !== 8 || interlace !== 0 || ![0, 2, 4, 6].includes(colourType)) {
        throw new Error(`unsupported PNG: depth ${depth}, colour type ${colourType}, interlace ${interlace}`)
      }
    } else if (type === 'IDAT') idat.push(body)
    else if (type === 'IEND') break
    pos += 12 + length
  }
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[colourType as 0 | 2 | 4 | 6]
  const raw = inflateSync(Buffer.concat(idat))
  const stride = width * channels
  const pixels = new Uint8Array(height * stride)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]
    const src = y * (stride + 1) + 1
    const row = y * stride
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[row + x - channels] : 0
      const b = y > 0 ? pixels[row - stride + x] : 0
      const c = x >= channels && y > 0 ? pixels[row - stride + x - channels] : 0
      const v = raw[src + x]
      let out: number
      switch (filter) {
        case 0:
          out = v
          break
        case 1:
          out = v + a
          break
        case 2:
          out = v + b
          break
        case 3:
          out = v + ((a + b) >> 1)
          break
        case 4:
          out = v + paeth(a, b, c)
          break
        default:
          throw new Error(`bad PNG filter ${filter} on row ${y}`)
      }
      pixels[row + x] = out & 255
    }
  }
  const data = new Uint8Array(width * height * 4)
  for (let i = 0; i < width * height; i++) {
    const p = i * channels
    if (channels >= 3) {
      data[i * 4] = pixels[p]
      data[i * 4 + 1] = pixels[p + 1]
      data[i * 4 + 2] = pixels[p + 2]
    } else {
      data[i * 4] = data[i * 4 + 1] = data[i * 4 + 2] = pixels[p]
    }
    data[i * 4 + 3] = channels === 4 ? pixels[p + 3] : channels === 2 ? pixels[p + 1] : 255
  }
  return { width, height, data }
}

export interface ColourStats {
  pixels: number
  /** Distinct colours after quantising each channel to 5 bits. */
  distinct: number
  /** Share of pixels that are clearly blue (ocean, atmosphere). */
  blue: number
  /** Share of near-black pixels (space, night side). */
  dark: number
  /** Share of pixels that are green, tan or white-ish land (red or green channel leading). */
  land: number
}

export function colourStats(img: Image): ColourStats {
  const seen = new Set<number>()
  let blue = 0
  let dark = 0
  let land = 0
  const n = img.width * img.height
  for (let i = 0; i < n; i++) {
    const r = img.data[i * 4]
    const g = img.data[i * 4 + 1]
    const b = img.data[i * 4 + 2]
    seen.add(((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3))
    if (r + g + b < 60) dark++
    else if (b > 70 && b > r + 30 && b >= g) blue++
    else if (g > 60 && g + 10 >= b && (g > r || r > b + 20)) land++
  }
  return { pixels: n, distinct: seen.size, blue: blue / n, dark: dark / n, land: land / n }
}
