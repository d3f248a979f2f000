// What the inspector answers, free of any Worker API so Node tests call it directly.

import { registry } from '../../planners'
import { describePlanner, type PlannerDescription } from '../../planners/describe'
import type { FromInspector, ToInspector } from './inspect-protocol'
import { loadPlannerModule, thrownText } from './module-loader'

/** Describes the built-in planners, or checks and describes a user's module. */
export function answerInspector(msg: ToInspector): FromInspector {
  if (msg?.type === 'catalog') return { type: 'planners', planners: registry.all().map(describePlanner) }
  if (msg?.type !== 'inspect' || typeof msg.text !== 'string' || typeof msg.file !== 'string')
    return { type: 'refused', issues: [{ message: 'the inspector was asked something it does not know' }] }
  const loaded = loadPlannerModule(msg.text, msg.file)
  if (!loaded.ok) return { type: 'refused', issues: loaded.issues }
  const planners: PlannerDescription[] = []
  const seen = new Set<string>()
  for (const p of loaded.planners) {
    let d: PlannerDescription
    try {
      d = describePlanner(p)
    } catch (err) {
      // A getter that answered the shape check and throws on the second read.
      return { type: 'refused', issues: [{ message: `it cannot be read: ${thrownText(err)}` }] }
    }
    if (seen.has(d.id))
      return { type: 'refused', issues: [{ message: `it exports two planners with the id "${d.id}"` }] }
    seen.add(d.id)
    planners.push(d)
  }
  return { type: 'planners', planners }
}
