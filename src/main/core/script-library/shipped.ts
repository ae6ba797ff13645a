// The scripts that ship with the app (resources/scripts/*.json). At start-up
// each one is stored if its content is not stored yet, so a new app version
// brings its new script version while the old ones stay for old consultations.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SYSTEM_ACTOR, type CoreContext } from '../context'
import { storeScript } from './store'
import { parseScriptOrThrow } from './validate'

/** The script a consultation uses when the clinician does not pick another (defined with the store, which marks it). */
export { DEFAULT_SCRIPT } from './store'

export function shippedScriptFiles(resourcesDir: string): string[] {
  const dir = join(resourcesDir, 'scripts')
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  return names
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => join(dir, n))
}

/**
 * Stores every shipped script not stored yet. A shipped file that is invalid,
 * or that reuses a stored version number with other content, is a packaging
 * mistake: it is reported and skipped, and the versions already stored keep
 * working.
 */
export function ensureShippedScripts(ctx: CoreContext): { stored: string[]; problems: string[] } {
  const stored: string[] = []
  const problems: string[] = []
  for (const file of shippedScriptFiles(ctx.resourcesDir)) {
    try {
      const script = parseScriptOrThrow(readFileSync(file, 'utf8'))
      if (storeScript(ctx, SYSTEM_ACTOR, script, 'shipped').created) stored.push(`${script.id} v${script.version} (${script.language})`)
    } catch (e) {
      const msg = `${file}: ${e instanceof Error ? e.message : String(e)}`
      problems.push(msg)
      console.error(`[scripts] shipped script not stored: ${msg}`)
    }
  }
  return { stored, problems }
}
