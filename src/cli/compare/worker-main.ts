// Runs compare jobs sent by the parent thread, one at a time, and answers each with its result
// or with the reason it failed (a user's mistake and a bug are told apart).

import { parentPort } from 'node:worker_threads'
import { SimulationError } from '../../core'
import { InputError } from '../errors'
import { type CompareJob, runJob } from './job'

parentPort?.on('message', async (job: CompareJob) => {
  try {
    parentPort?.postMessage({ ok: true, result: await runJob(job) })
  } catch (err) {
    const user = err instanceof InputError || err instanceof SimulationError
    parentPort?.postMessage({
      ok: false,
      index: job.index,
      user,
      message: err instanceof Error ? (user ? err.message : (err.stack ?? err.message)) : String(err),
    })
  }
})
