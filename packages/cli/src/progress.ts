// A progress bar on stderr for long runs; silent when stderr is not a terminal or output is for machines.
import cliProgress from "cli-progress"

export interface Progress {
  tick(n?: number): void
  stop(): void
}

const NONE: Progress = { tick: () => {}, stop: () => {} }

export const progress = (total: number, label: string, enabled: boolean): Progress => {
  if (!enabled || !process.stderr.isTTY || total < 2000) return NONE
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} | ETA {eta}s`,
      stream: process.stderr,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  )
  bar.start(total, 0)
  let done = 0
  return {
    tick(n = 1) {
      done += n
      // Redrawing every row would cost more than the screening itself.
      if (done % 500 === 0 || done === total) bar.update(done)
    },
    stop() {
      bar.update(done)
      bar.stop()
    },
  }
}
