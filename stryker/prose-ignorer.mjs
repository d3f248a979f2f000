// A StrykerJS ignorer plugin: it marks as "ignored" the mutants that can only change prose —
// the text of log messages, decision rationales, planner labels and descriptions, parameter
// descriptions (zod's .describe) and error messages. Such text is for people; tests pin its
// stable key phrases where it matters (the refusal reasons), but a mutant that turns "Wheel 2
// friction…" into "" says nothing about whether the engine computes the right thing, and there
// are hundreds of them.
//
// What stays mutated on purpose: strings that steer behaviour — decision kinds, modes, frames,
// event types, component names — and the refusal strings validateDecision returns (an empty
// string there is falsy, so the decision would be accepted: a real bug, and a test kills it).
import { declareClassPlugin, PluginKind } from '@stryker-mutator/api/plugin'

/** Object keys whose value is prose only. */
const PROSE_KEYS = new Set(['message', 'rationale', 'label', 'description'])

const keyName = (node) =>
  node.type === 'Identifier' ? node.name : node.type === 'StringLiteral' ? node.value : undefined

const isText = (node) => node.type === 'StringLiteral' || node.type === 'TemplateLiteral'

class ProseIgnorer {
  shouldIgnore(path) {
    const { node, parent } = path
    if (!parent) return undefined
    // { message: `…` }, { rationale: '…' }, { label: '…' }, { description: '…' }
    if (parent.type === 'ObjectProperty' && parent.value === node && PROSE_KEYS.has(keyName(parent.key))) {
      return `prose: the text of "${keyName(parent.key)}"`
    }
    // new SimulationError(`…`), new Error('…'), new RangeError(`…`)
    if (
      isText(node) &&
      parent.type === 'NewExpression' &&
      parent.callee.type === 'Identifier' &&
      parent.callee.name.endsWith('Error')
    ) {
      return 'prose: an error message'
    }
    // fault(ctx, planner, `…`): the engine's planner-fault message (its key phrases are asserted
    // through the refusal reasons it wraps)
    if (
      isText(node) &&
      parent.type === 'CallExpression' &&
      parent.callee.type === 'Identifier' &&
      parent.callee.name === 'fault' &&
      parent.arguments[2] === node
    ) {
      return 'prose: a planner-fault message'
    }
    // z.number().describe('…'): a parameter's documentation, shown beside its field in the app
    // and in `sim planners`; the schema's bounds and defaults around it stay mutated
    if (
      isText(node) &&
      parent.type === 'CallExpression' &&
      parent.callee.type === 'MemberExpression' &&
      parent.callee.property.type === 'Identifier' &&
      parent.callee.property.name === 'describe' &&
      parent.arguments[0] === node
    ) {
      return 'prose: a parameter description'
    }
    return undefined
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Ignore, 'prose', ProseIgnorer)]
