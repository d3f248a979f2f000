// The legend of the 3D view and the timeline: what each colour and shape means, drawn from the
// same palettes the scene and the timeline use, so it cannot drift from the picture.

import { COLOURS, STATUS_HEX, TASK_HEX } from '../scene/palette'
import { CATEGORY_LABEL } from './events'
import { STATUS_LABEL } from './format'
import { CATEGORY_COLOURS } from './strategy-colours'

const hex = (n: number) => `#${n.toString(16).padStart(6, '0')}`
const STATUS_ORDER = ['nominal', 'alert', 'failed', 'maneuvering', 'safe']
const TASK_WORDS = [
  '',
  'pending',
  'open',
  'assigned (line to its satellite)',
  'captured on board',
  'delivered',
  'missed',
]

export function Legend() {
  return (
    <details className="legend" data-testid="legend">
      <summary>Legend</summary>
      <div className="legend-body">
        <h3>Satellites</h3>
        <ul>
          {STATUS_ORDER.map((s, k) => (
            <li key={s}>
              <i className="dot" style={{ background: hex(STATUS_HEX[k]) }} /> {STATUS_LABEL[s]}
            </li>
          ))}
        </ul>
        <h3>Task targets (this pane's strategy)</h3>
        <ul>
          {TASK_WORDS.map((w, k) =>
            k === 0 ? null : (
              <li key={w}>
                <i
                  className={k === 1 || k === 6 ? 'ring' : 'dot'}
                  style={{
                    borderColor: hex(TASK_HEX[k]),
                    background: k === 1 || k === 6 ? 'transparent' : hex(TASK_HEX[k]),
                  }}
                />{' '}
                {w}
              </li>
            ),
          )}
        </ul>
        <h3>Ground stations</h3>
        <ul>
          <li>
            <i className="tri" style={{ color: COLOURS.station }} /> station
          </li>
          <li>
            <i className="tri" style={{ color: COLOURS.stationActive }} /> receiving a downlink (green line)
          </li>
          <li>
            <i className="tri" style={{ color: '#6b6b6b' }} /> off the air (outage)
          </li>
          <li>
            <i className="dot" style={{ background: '#ff8c28' }} /> orange tint: solar storm
          </li>
        </ul>
        <h3>Timeline markers</h3>
        <ul>
          {(Object.keys(CATEGORY_COLOURS) as (keyof typeof CATEGORY_COLOURS)[]).map((c) => (
            <li key={c}>
              <i className="dot" style={{ background: CATEGORY_COLOURS[c] }} /> {CATEGORY_LABEL[c]}
            </li>
          ))}
        </ul>
      </div>
    </details>
  )
}
