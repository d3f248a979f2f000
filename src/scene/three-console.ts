// three.js's own log channel (setConsoleFunction), with one message left out: @react-three/fiber 9
// creates a THREE.Clock for every <Canvas>, and three r183+ warns that Clock is deprecated each
// time — once per 3D view, dozens of times a session, about code that is not ours. Everything else
// three says still reaches the console unchanged.

import { setConsoleFunction } from 'three'

/** Messages dropped: R3F's internal Clock (fixed upstream when it moves to THREE.Timer). */
const DROPPED = [/^THREE\.Clock: This module has been deprecated/]

export function keepThreeMessage(message: string): boolean {
  return !DROPPED.some((re) => re.test(message))
}

let installed = false

/** Routes three's messages through keepThreeMessage to the console (idempotent). */
export function installThreeConsole(): void {
  if (installed) return
  installed = true
  setConsoleFunction((type, message, ...params) => {
    if (!keepThreeMessage(message)) return
    const first = params[0] as { isStackTrace?: boolean; getError?: (m: string) => Error } | undefined
    if (first?.isStackTrace && first.getError) console[type](first.getError(message))
    else console[type](message, ...params)
  })
}
