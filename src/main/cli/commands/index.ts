// Every admin command, in the order `--help` lists them.
import type { CliCommand } from '../command'
import { seedDemoCommand } from './seed-demo'

export const commands: CliCommand[] = [seedDemoCommand]
