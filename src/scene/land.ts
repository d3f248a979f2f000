// The land outline the Earth's texture is painted from (Natural Earth 1:110m via world-atlas):
// a JSON file of its own, fetched by the page's entry as it starts, in parallel with the worker
// and the interface's JavaScript, instead of 22 KiB (gzip) of JavaScript inside the interface's
// chunk that the browser would have to parse as code. The interface mounts once the fetch has
// settled (src/main.tsx), so the first frame shows the continents as before. If the file does
// not come, the Earth is painted ocean only and the app goes on.

import type { GeometryCollection, Topology } from 'topojson-specification'
import landUrl from 'world-atlas/land-110m.json?url'

export type LandTopology = Topology<{ land: GeometryCollection }>

let land: LandTopology | null = null
let loading: Promise<LandTopology | null> | null = null

/** The outline once it has arrived, else null. */
export function landTopology(): LandTopology | null {
  return land
}

/** Fetches the outline (once); resolves null, with a warning, when it cannot be had. */
export function loadLand(): Promise<LandTopology | null> {
  loading ??= fetch(landUrl)
    .then((res) => {
      if (!res.ok) throw new Error(`HTTP ${res.status}`)
      return res.json() as Promise<LandTopology>
    })
    .then(
      (topology) => (land = topology),
      (err: unknown) => {
        console.warn(`The land outline could not be loaded (${landUrl}); the Earth is drawn without it`, err)
        return null
      },
    )
  return loading
}
