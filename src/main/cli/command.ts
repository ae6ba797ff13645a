// One admin command of `npm run cli -- <command>`. Each lives in its own file
// under commands/ and is listed in commands/index.ts.
export interface CliCommand {
  name: string
  /** One line for `--help`. */
  summary: string
  /** Full usage, shown by `<command> --help` and on a usage error. */
  usage: string
  /** Returns the process exit code. Print plain sentences; never a stack trace. */
  run(argv: string[]): Promise<number>
}

/** A usage mistake: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}
