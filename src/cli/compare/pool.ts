// Runs compare jobs on worker threads (or in this thread when workers = 0) and returns the
// results in job order, whatever order they finish in: the output never depends on timing.

import { Worker } from 'node:worker_threads'
import { InputError } from '../errors'
import { type CompareJob, type JobResult, runJob } from './job'

type Reply = { ok: true; result: JobResult } | { ok: false; index: number; user: boolean; message: string }

export async function runJobs(
  jobs: CompareJob[],
  workers: number,
  onDone: (finished: number, total: number) => void = () => {},
): Promise<JobResult[]> {
  const results: JobResult[] = new Array(jobs.length)
  let finished = 0
  if (workers <= 0) {
    for (const job of jobs) {
      results[job.index] = await runJob(job)
      onDone(++finished, jobs.length)
    }
    return results
  }
  const queue = [...jobs]
  const threads = Array.from(
    { length: Math.min(workers, jobs.length) },
    () => new Worker(new URL('./worker.mjs', import.meta.url)),
  )
  try {
    await Promise.all(
      threads.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const next = () => {
              const job = queue.shift()
              if (!job) return resolve()
              w.postMessage(job)
            }
            w.on('message', (reply: Reply) => {
              if (!reply.ok) {
                queue.length = 0
                return reject(reply.user ? new InputError(reply.message) : new Error(reply.message))
              }
              results[reply.result.index] = reply.result
              onDone(++finished, jobs.length)
              next()
            })
            w.on('error', reject)
            next()
          }),
      ),
    )
  } finally {
    await Promise.all(threads.map((w) => w.terminate()))
  }
  return results
}
