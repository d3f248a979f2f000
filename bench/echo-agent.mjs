// The smallest agent: reads each call and answers no decisions. Its round trip is the protocol's
// own cost (view to JSON, the pipes both ways, parsing), with no planning in it.
import { createInterface } from 'node:readline'

const send = (m) => process.stdout.write(`${JSON.stringify(m)}\n`)
let greeted = false
for await (const line of createInterface({ input: process.stdin })) {
  const m = JSON.parse(line)
  if (!greeted) {
    greeted = true
    send({ protocol: 'mission-sandbox/1', type: 'hello', agent: 'bench echo' })
  } else if (m.type === 'plan') send({ type: 'decisions', call: m.call, decisions: [] })
}
