// Every admin command, in the order `--help` lists them.
import type { CliCommand } from '../command'
import { backupCommand } from './backup'
import { restoreCommand } from './restore'
import { seedDemoCommand } from './seed-demo'
import { verifyCommand } from './verify'

export const commands: CliCommand[] = [seedDemoCommand, verifyCommand, backupCommand, restoreCommand]
