// `npm run cli -- <command> [options]`: the admin command line. It runs the
// same core as the app, under plain Node, against a data folder.
import { AppError } from '../../shared/errors'
import { UsageError } from './command'
import { commands } from './commands'

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length))
  return [
    'Derm Consent admin command line',
    '',
    'Usage: npm run cli -- <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "npm run cli -- <command> --help" for a command\'s options.',
  ].join('\n')
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help())
    return name ? 0 : 2
  }
  const cmd = commands.find((c) => c.name === name)
  if (!cmd) {
    console.error(`Unknown command "${name}".\n\n${help()}`)
    return 2
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`${cmd.summary}\n\nUsage: ${cmd.usage}`)
    return 0
  }
  try {
    return await cmd.run(rest)
  } catch (e) {
    if (e instanceof UsageError || (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(`${e.message}\n\nUsage: ${cmd.usage}`)
      return 2
    }
    if (e instanceof AppError) {
      console.error(e.message)
      for (const f of e.fields ?? []) console.error(`  ${f.path || '(input)'}: ${f.code}`)
      return 1
    }
    console.error(`The command failed: ${e instanceof Error ? e.message : String(e)}`)
    return 1
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code))
