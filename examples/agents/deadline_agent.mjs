// A Node allocation agent for Mission Sandbox (no dependencies): earliest deadline first.
// It speaks the agent protocol (docs/agent-protocol.md) over stdin/stdout. Each call it takes the
// open, unassigned tasks by the end of their window and gives each to the free active satellite
// whose sub-satellite point is nearest the target.
import { createInterface } from 'node:readline'

const PROTOCOL = 'mission-sandbox/1'
const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`)

/** Great-circle distance on a 6371 km sphere, angles in radians (haversine). */
function groundKm(lat1, lon1, lat2, lon2) {
  const a =
    Math.sin((lat2 - lat1) / 2) ** 2 + Math.cos(lat1) * Math.cos(lat2) * Math.sin((lon2 - lon1) / 2) ** 2
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)))
}

function plan(view) {
  const sats = view.satellites.filter((s) => !s.failed && !s.retired && s.role === 'active')
  const busy = new Set(view.tasks.filter((t) => t.state === 'open' && t.assignedTo).map((t) => t.assignedTo))
  const open = view.tasks
    .filter((t) => t.state === 'open' && !t.assignedTo)
    .sort((a, b) => a.windowEndS - b.windowEndS || (a.id < b.id ? -1 : 1))
  const decisions = []
  for (const task of open) {
    const free = sats.filter((s) => !busy.has(s.id))
    if (!free.length) break
    const km = (s) => groundKm(s.latRad, s.lonRad, task.target.latRad, task.target.lonRad)
    const best = free.reduce((a, b) => (km(b) < km(a) || (km(b) === km(a) && b.id < a.id) ? b : a))
    busy.add(best.id)
    const hoursLeft = (task.windowEndS - view.timeS) / 3600
    decisions.push({
      kind: 'assignTask',
      satellite: best.id,
      task: task.id,
      rationale: `${task.id} closes in ${hoursLeft.toFixed(1)} h, the soonest open task; ${best.id} is the nearest free satellite (${km(best).toFixed(0)} km).`,
    })
  }
  return decisions
}

let greeted = false
for await (const line of createInterface({ input: process.stdin })) {
  const message = JSON.parse(line)
  if (!greeted) {
    if (message.protocol !== PROTOCOL) process.exit(2)
    greeted = true
    send({ protocol: PROTOCOL, type: 'hello', agent: 'earliest-deadline (Node)' })
  } else if (message.type === 'plan') {
    send({ type: 'decisions', call: message.call, decisions: plan(message.view) })
  }
}
