// The inspector's Web Worker entry (see inspect-protocol.ts). It answers one question and is
// then terminated; a module that never finishes loading is terminated at the deadline.

import { answerInspector } from './inspect'
import type { FromInspector, ToInspector } from './inspect-protocol'

const scope = self as unknown as {
  postMessage(message: FromInspector): void
  addEventListener(type: 'message', fn: (e: MessageEvent<ToInspector>) => void): void
}

scope.addEventListener('message', (e) => scope.postMessage(answerInspector(e.data)))
