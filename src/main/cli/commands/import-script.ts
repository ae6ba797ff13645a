// `import-script FILE --data DIR`: stores a clinic's own consultation script
// (or a new version of one). The file is validated whole first; an invalid
// file is refused with one line per problem naming the place (JSON path) and
// the problem, and nothing is stored.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { Core, DB_FILE_NAME, parseScript, resourcesDir } from '../../core'
import { UsageError, type CliCommand } from '../command'

export const importScriptCommand: CliCommand = {
  name: 'import-script',
  summary: 'Import a consultation script file (a new script or a new version) into a clinic.',
  usage: 'npm run cli -- import-script FILE --data DIR',
  async run(argv) {
    const { values, positionals } = parseArgs({ args: argv, options: { data: { type: 'string' } }, allowPositionals: true, strict: true })
    if (!values.data) throw new UsageError('--data DIR is required.')
    if (positionals.length !== 1) throw new UsageError('Give exactly one script FILE.')
    const file = positionals[0]!
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch (e) {
      console.error(`Cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`)
      return 1
    }
    const parsed = parseScript(text)
    if (!parsed.ok) {
      console.error(`${file} was not imported; nothing was stored. ${parsed.problems.length} problem(s):`)
      for (const p of parsed.problems) console.error(`  ${p.path}: ${p.problem}`)
      return 1
    }
    if (!existsSync(join(values.data, DB_FILE_NAME))) {
      console.error(`There is no clinic in ${values.data}. Set the clinic up first (or check the folder).`)
      return 1
    }
    const core = Core.open({ dataDir: values.data, resourcesDir })
    try {
      const { script, created } = core.commandLine.importScript(parsed.script)
      const what = `"${script.title}" (${script.scriptId} version ${script.version}, ${script.language})`
      console.log(created ? `Imported ${what}.` : `${what} is already stored with exactly this content; nothing changed.`)
      console.log(`SHA-256: ${script.sha256}`)
      return 0
    } finally {
      core.close()
    }
  },
}
