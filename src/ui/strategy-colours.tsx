// The colours and dash patterns that tell strategies and event kinds apart, shared by the charts,
// the legend, the compare view and the divergence list. A module of their own so the panels that
// only need a colour do not pull the charts (uPlot) into the first-frame bundle.

import type { EventCategory } from '../worker/protocol'

export const STRATEGY_COLOURS = ['#6cc4ff', '#ffb454', '#c08cff', '#7ee787']
/** Canvas dash patterns per strategy (px), so identical curves drawn over each other all show. */
export const STRATEGY_DASHES: readonly number[][] = [[], [8, 4], [2, 3], [10, 3, 2, 3]]
export const CATEGORY_COLOURS: Record<EventCategory, string> = {
  failure: '#ff5f56',
  alert: '#ffb02e',
  manoeuvre: '#c08cff',
  outage: '#8a9bb3',
  task: '#6dfc9c',
}

/** A short line in a strategy's colour and dash pattern, for legends. */
export function StrategySwatch({ index }: { index: number }) {
  return (
    <svg className="dash-swatch" width={26} height={8} aria-hidden="true">
      <line
        x1={0}
        x2={26}
        y1={4}
        y2={4}
        stroke={STRATEGY_COLOURS[index % STRATEGY_COLOURS.length]}
        strokeWidth={2}
        strokeDasharray={STRATEGY_DASHES[index % STRATEGY_DASHES.length].join(' ') || undefined}
      />
    </svg>
  )
}
