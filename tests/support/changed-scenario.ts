// A scenario text with one fact changed (its first task's priority), same id and strategies: what
// the tests of record and replay open to see a replay stop at the first call whose view differs.

export function withFirstPriorityChanged(text: string): string {
  const spec = JSON.parse(text)
  spec.tasks[0].priority = spec.tasks[0].priority === 1 ? 2 : 1
  return JSON.stringify(spec)
}
