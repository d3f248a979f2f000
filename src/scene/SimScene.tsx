// One strategy's 3D world: the Earth (day/night, grid, stars), every satellite in one
// draw of point sprites coloured by status, faint orbit loops and the selected satellite's orbit, ground
// track and footprint, ground stations and task targets on the turning Earth, and the active
// downlinks, each task target in this strategy's outcome with a line from the satellite assigned
// to it. With `differences`, what is the same in every strategy is dimmed. Place it inside an R3F <Canvas> or a drei <View> (compare mode puts several side by
// side): it brings its own camera, controls, background and ready signal.
//
// Data flow (contract.ts): fast data is read from `frame.current` (and the orbits from `orbits`) inside useFrame — typed-array
// writes only, no React state, no allocation per frame; slow data (scenario, ids, selection)
// arrives as props. With no frame yet, it draws the Earth, the stations and the targets.

import { useFrame, useThree } from '@react-three/fiber'
import { memo, type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { BufferAttribute, type Group } from 'three'
import type { ScenarioSpec } from '../core/spec'
import { sunDirectionEci } from '../core/sun'
import { gmstRad } from '../core/time'
import type { FrameRef, OrbitsRef, SimSceneProps } from './contract'
import { Earth, type EarthState } from './Earth'
import { stationOutages } from './environment'
import { FleetOrbits, orbitSubset } from './orbits'
import { COLOURS } from './palette'
import { ReadySignal } from './ReadySignal'
import { Stars } from './Stars'
import { CameraRig } from './sim/CameraRig'
import { Footprint } from './sim/Footprint'
import { GroundTrack } from './sim/GroundTrack'
import { Links } from './sim/Links'
import { Markers, type TargetTask } from './sim/Markers'
import { ORBIT_LOOP_CAP, OrbitPaths } from './sim/OrbitPaths'
import { Satellites } from './sim/Satellites'
import { TaskLinks } from './sim/TaskLinks'
import { loadTleModelFactory, needsSgp4, type TleModelFactory } from './tle-models'

const GROUND_TRACK_HEX = 0xffe08a

/** The scenario's tasks and those its task bursts add, with the time each becomes known. */
export function targetTasks(scenario: ScenarioSpec): TargetTask[] {
  const out: TargetTask[] = scenario.tasks.map((task) => ({ task, knownFromS: -Infinity }))
  for (const e of scenario.events) {
    if (e.type === 'taskBurst') for (const task of e.tasks) out.push({ task, knownFromS: e.atS })
  }
  return out
}

/** Turns its children with the Earth: rotation about +z by the frame's GMST (ECEF → ECI). */
function EarthFixed({
  frame,
  fallbackGmst,
  children,
}: {
  frame: FrameRef
  fallbackGmst: number
  children: ReactNode
}) {
  const group = useRef<Group>(null)
  // Early (priority −1), so labels projected later in the frame see this frame's rotation.
  useFrame(() => {
    if (group.current) group.current.rotation.z = frame.current?.gmstRad ?? fallbackGmst
  }, -1)
  return (
    <group ref={group} rotation={[0, 0, fallbackGmst]}>
      {children}
    </group>
  )
}

/** Brings the orbit models up to the orbits the worker sent, before the loops and the track are drawn. */
function OrbitSync({ orbits, book }: { orbits: FleetOrbits; book: OrbitsRef }) {
  useFrame(() => {
    orbits.sync(book)
  }, -2)
  return null
}

/**
 * SGP4 for the scenario's element-set satellites: null for a Keplerian scenario (nothing is
 * fetched) and until satellite.js has arrived; then the factory, and a frame is asked for so the
 * loops and tracks of those satellites are drawn.
 */
function useTleModel(scenario: ScenarioSpec): TleModelFactory | null {
  const [factory, setFactory] = useState<TleModelFactory | null>(null)
  const needed = useMemo(() => needsSgp4(scenario), [scenario])
  const invalidate = useThree((s) => s.invalidate)
  useEffect(() => {
    if (!needed || factory) return
    let live = true
    loadTleModelFactory().then(
      (f) => {
        if (!live) return
        setFactory(() => f)
        invalidate()
      },
      // Not fatal: those satellites keep their positions, only their loops and tracks are missing.
      (e: unknown) => console.warn('SGP4 for the orbit loops could not be loaded', e),
    )
    return () => {
      live = false
    }
  }, [needed, factory, invalidate])
  return needed ? factory : null
}

/**
 * Memoised: the app re-renders its viewport for reasons of its own (pointer, hover tooltip); with
 * the same props the scene's tree is not reconciled again.
 */
export const SimScene = memo(function SimScene({
  frame,
  strategyIndex,
  orbits: book,
  scenario,
  satelliteIds,
  selected,
  onSelect,
  onHover,
  focusRequest = 0,
  resetRequest = 0,
  differences = false,
}: SimSceneProps) {
  const tleModel = useTleModel(scenario)
  const orbits = useMemo(
    () => new FleetOrbits(scenario, satelliteIds, tleModel),
    [scenario, satelliteIds, tleModel],
  )
  const subset = useMemo(() => orbitSubset(orbits.plane, orbits.count, ORBIT_LOOP_CAP), [orbits])
  const selectedIndex = useMemo(
    () => (selected === null ? -1 : satelliteIds.indexOf(selected)),
    [selected, satelliteIds],
  )
  const targets = useMemo(() => targetTasks(scenario), [scenario])
  const outages = useMemo(() => stationOutages(scenario), [scenario])
  const stations = scenario.groundStations
  const stationActive = useMemo(
    () => new BufferAttribute(new Float32Array(Math.max(1, stations.length)), 1),
    [stations],
  )
  const hoverRef = useRef(-1)
  const hasFrame = useCallback(() => frame.current !== null, [frame])
  // A new selection shows up through useFrame work: ask an on-demand frame loop for a frame.
  const invalidate = useThree((s) => s.invalidate)
  const shownSelection = useRef(selectedIndex)
  useEffect(() => {
    if (shownSelection.current === selectedIndex) return
    shownSelection.current = selectedIndex
    invalidate()
  })

  // The Earth at the scenario epoch until frames arrive; then the frame's GMST and Sun, read per frame.
  const epoch = useMemo(() => {
    const sun = new Float64Array(3)
    sunDirectionEci(scenario.epochMs, sun, 0)
    return { sun, gmst: gmstRad(scenario.epochMs) }
  }, [scenario.epochMs])
  const earthState = useMemo<EarthState>(() => ({ gmstRad: epoch.gmst, sunDirEci: epoch.sun }), [epoch])
  const getEarthState = useCallback((): EarthState => {
    const f = frame.current
    earthState.gmstRad = f ? f.gmstRad : epoch.gmst
    earthState.sunDirEci = f ? f.sunEci : epoch.sun
    return earthState
  }, [frame, epoch, earthState])

  return (
    <>
      <color attach="background" args={[COLOURS.background]} />
      <CameraRig
        frame={frame}
        strategyIndex={strategyIndex}
        satelliteCount={satelliteIds.length}
        selectedIndex={selectedIndex}
        epochSun={epoch.sun}
        epochGmst={epoch.gmst}
        area={scenario.view}
        scenarioKey={`${scenario.id}@${scenario.epochMs}`}
        focusRequest={focusRequest}
        resetRequest={resetRequest}
      />
      <OrbitSync orbits={orbits} book={book} />
      <Stars />
      <Earth gmstRad={epoch.gmst} sunDirEci={epoch.sun} getState={getEarthState} />
      <EarthFixed frame={frame} fallbackGmst={epoch.gmst}>
        <GroundTrack frame={frame} orbits={orbits} selectedIndex={selectedIndex} colour={GROUND_TRACK_HEX} />
        <Markers
          frame={frame}
          outages={outages}
          strategyIndex={strategyIndex}
          differences={differences}
          stations={stations}
          targets={targets}
          stationActive={stationActive}
        />
      </EarthFixed>
      <OrbitPaths frame={frame} orbits={orbits} subset={subset} selectedIndex={selectedIndex} />
      <Footprint
        frame={frame}
        strategyIndex={strategyIndex}
        orbits={orbits}
        selectedIndex={selectedIndex}
        colour={COLOURS.footprint}
      />
      <Links
        frame={frame}
        strategyIndex={strategyIndex}
        satelliteCount={satelliteIds.length}
        stations={stations}
        stationActive={stationActive}
      />
      <TaskLinks
        frame={frame}
        strategyIndex={strategyIndex}
        satelliteCount={satelliteIds.length}
        targets={targets}
      />
      <Satellites
        frame={frame}
        strategyIndex={strategyIndex}
        differences={differences}
        satelliteIds={satelliteIds}
        selectedIndex={selectedIndex}
        onSelect={onSelect}
        onHover={onHover}
        hoverRef={hoverRef}
      />
      <ReadySignal when={hasFrame} />
    </>
  )
})
