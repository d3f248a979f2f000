// The spacecraft bus: mass, propulsion, power and data. Every field is optional in the file; a
// satellite's bus is DEFAULT_BUS, overlaid by the scenario's "bus", overlaid by the walker's or
// satellite's own "bus", field by field. Upper limits are far beyond any real small satellite:
// they only keep unit conversion finite (1e308 Wh · 3600 is Infinity) and catch stray exponents.

import type { z } from 'zod'
import { DEG } from '../../core/constants'
import type { BusSpec } from '../../core/spec'
import { num, strict } from './fields'

/**
 * Defaults for an illustrative ~170 kg Earth-observation small satellite, the class the default
 * constellation stands for:
 * - 150 kg dry with 20 kg of hydrazine-class propellant at Isp 220 s: ≈ 270 m/s of Δv, enough
 *   to raise a spare from 400 to 550 km (≈ 85 m/s) with margin, never for a plane change;
 * - a 1.2 kWh battery and a 400 W array (≈ 250 W orbit average) against a 150 W platform load:
 *   a positive margin that imaging and downlinks through eclipse can still use up;
 * - payload loads 120 W imaging, 80 W downlink, 60 W onboard processing (edge AI);
 * - 64 Gbit storage and a 150 Mbit/s X-band downlink: a 10-minute pass empties ~90 Gbit, so
 *   storage and ground contacts, not the link, bound what gets delivered;
 * - the imager points up to 30° off nadir;
 * - payloads are shed below 20 % state of charge; the day starts at 90 %.
 */
export const DEFAULT_BUS = {
  dryMassKg: 150,
  propellantKg: 20,
  ispS: 220,
  batteryWh: 1200,
  solarPowerW: 400,
  baseLoadW: 150,
  imagingLoadW: 120,
  downlinkLoadW: 80,
  processingLoadW: 60,
  storageGb: 64,
  downlinkMbps: 150,
  maxOffNadirDeg: 30,
  minSoc: 0.2,
  initialSoc: 0.9,
}

const d = DEFAULT_BUS

export const busSchema = strict(
  {
    dryMassKg: num({ gt: 0, max: 1e6 }, `Dry mass, kg (default ${d.dryMassKg})`).optional(),
    propellantKg: num(
      { min: 0, max: 1e6 },
      `Propellant mass at epoch, kg (default ${d.propellantKg})`,
    ).optional(),
    ispS: num({ gt: 0, max: 1e5 }, `Thruster specific impulse, s (default ${d.ispS})`).optional(),
    batteryWh: num({ gt: 0, max: 1e7 }, `Battery capacity, Wh (default ${d.batteryWh})`).optional(),
    solarPowerW: num(
      { min: 0, max: 1e7 },
      `Solar-array output in sunlight, W (default ${d.solarPowerW})`,
    ).optional(),
    baseLoadW: num({ min: 0, max: 1e7 }, `Always-on platform load, W (default ${d.baseLoadW})`).optional(),
    imagingLoadW: num(
      { min: 0, max: 1e7 },
      `Extra load while imaging, W (default ${d.imagingLoadW})`,
    ).optional(),
    downlinkLoadW: num(
      { min: 0, max: 1e7 },
      `Extra load while transmitting, W (default ${d.downlinkLoadW})`,
    ).optional(),
    processingLoadW: num(
      { min: 0, max: 1e7 },
      `Extra load while processing images onboard, W (default ${d.processingLoadW})`,
    ).optional(),
    storageGb: num({ gt: 0, max: 1e7 }, `Onboard storage, gigabits (default ${d.storageGb})`).optional(),
    downlinkMbps: num(
      { gt: 0, max: 1e7 },
      `Downlink rate, megabits per second (default ${d.downlinkMbps})`,
    ).optional(),
    maxOffNadirDeg: num(
      { min: 0, lt: 90 },
      `Largest off-nadir pointing angle of the imager, degrees (default ${d.maxOffNadirDeg})`,
    ).optional(),
    minSoc: num(
      { min: 0, max: 1 },
      `State of charge below which payloads are shed, 0..1 (default ${d.minSoc})`,
    ).optional(),
    initialSoc: num(
      { min: 0, max: 1 },
      `State of charge at epoch, 0..1 (default ${d.initialSoc})`,
    ).optional(),
  },
  'a bus: an object of spacecraft properties such as {"batteryWh": 1200}',
).describe('Spacecraft bus properties; every field is optional and falls back to the level above')

export type BusFile = z.output<typeof busSchema>

/** Overlays bus layers (later wins, field by field) on the defaults and converts to SI. */
export function busToSpec(...layers: (BusFile | undefined)[]): BusSpec {
  const b: typeof DEFAULT_BUS = { ...DEFAULT_BUS }
  for (const layer of layers) {
    if (layer === undefined) continue
    for (const key of Object.keys(b) as (keyof typeof DEFAULT_BUS)[]) {
      const value = layer[key]
      if (value !== undefined) b[key] = value
    }
  }
  return {
    dryMassKg: b.dryMassKg,
    propellantKg: b.propellantKg,
    ispS: b.ispS,
    batteryCapacityJ: b.batteryWh * 3600,
    solarPowerW: b.solarPowerW,
    baseLoadW: b.baseLoadW,
    imagingLoadW: b.imagingLoadW,
    downlinkLoadW: b.downlinkLoadW,
    processingLoadW: b.processingLoadW,
    storageBits: b.storageGb * 1e9,
    downlinkRateBps: b.downlinkMbps * 1e6,
    maxOffNadirRad: b.maxOffNadirDeg * DEG,
    minSoc: b.minSoc,
    initialSoc: b.initialSoc,
  }
}
