// Every admin command, in the order `--help` lists them.
import type { CliCommand } from '../command'
import { backupCommand } from './backup'
import { exportPdfCommand } from './export-pdf'
import { importScriptCommand } from './import-script'
import { restoreCommand } from './restore'
import { seedDemoCommand } from './seed-demo'
import { seedCommand } from './seed'
import { verifyCommand } from './verify'

export const commands: CliCommand[] = [seedDemoCommand, seedCommand, verifyCommand, backupCommand, restoreCommand, importScriptCommand, exportPdfCommand]
