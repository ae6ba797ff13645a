// The layering of ARCHITECTURE.md is a lint rule (eslint.config.js). This proves the
// rule bites: each forbidden import, linted as if it were in the file named,
// is an error; the allowed ones are not.
import { describe, expect, it } from 'vitest'
import { ESLint } from 'eslint'
import { resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '..', '..')
const eslint = new ESLint({ cwd: ROOT })

async function layeringErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, file) })
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('layering', () => {
  it.each([
    ['src/main/core/patients/x.ts', "import { app } from 'electron'\nexport const a = app"],
    ['src/main/core/patients/x.ts', "import { startWebHost } from '../../web/server'\nexport const a = startWebHost"],
    ['src/renderer/src/x.ts', "import { readFileSync } from 'node:fs'\nexport const a = readFileSync"],
    ['src/renderer/src/x.ts', "import { Core } from '../../main/core'\nexport const a = Core"],
    ['src/shared/x.ts', "import { createHash } from 'node:crypto'\nexport const a = createHash"],
    ['src/shared/x.ts', "import { Core } from '../main/core'\nexport const a = Core"],
    ['src/main/web/x.ts', "import { bindContract } from '../electron/ipc'\nexport const a = bindContract"],
    ['src/main/electron/x.ts', "import { startWebHost } from '../web/server'\nexport const a = startWebHost"],
    ['src/preload/x.ts', "import { Core } from '../main/core'\nexport const a = Core"],
    // The core's one door: nothing outside it imports a module behind the door.
    ['src/main/web/x.ts', "import { resourcesDir } from '../core/paths'\nexport const a = resourcesDir"],
    ['src/main/cli/commands/x.ts', "import { backupClinic } from '../../core/maintenance/backup'\nexport const a = backupClinic"],
    ['src/main/demo/x.ts', "import { createUser } from '../core/users/users'\nexport const a = createUser"],
    ['bench/lib/x.ts', "import { recordAudit } from '../../src/main/core/testing'\nexport const a = recordAudit"],
    ['e2e/x.ts', "import { openDatabase } from '../src/main/core/db/open'\nexport const a = openDatabase"],
    ['test/foundation/x.test.ts', "import { recordAudit } from '../../src/main/core/audit/chain'\nexport const a = recordAudit"],
    ['src/main/core/consent-pdf/x.ts', "import { recordAudit } from '../audit/chain'\nexport const a = recordAudit"],
    ['src/main/core/consent-pdf/sections/x.ts', "import { inTransaction } from '../../context'\nexport const a = inTransaction"],
    // The core knows none of its callers.
    ['src/main/core/setup/x.ts', "import { loadDemoClinic } from '../../demo/demo-clinic'\nexport const a = loadDemoClinic"],
    ['src/main/core/x.ts', "import { Client } from '../client/client'\nexport const a = Client"],
  ])('refuses a forbidden import in %s', async (file, code) => {
    expect(await layeringErrors(file, code)).not.toEqual([])
  })

  it.each([
    ['src/main/core/patients/x.ts', "import { z } from 'zod'\nimport { AppError } from '../../../shared/errors'\nexport const a = [z, AppError]"],
    ['src/renderer/src/x.ts', "import { CALL_NAMES } from '../../shared/contract'\nexport const a = CALL_NAMES"],
    ['src/main/electron/x.ts', "import { Core } from '../core'\nexport const a = Core"],
    ['src/main/cli/commands/x.ts', "import { Core } from '../../core'\nimport { loadDemoClinic } from '../../demo/demo-clinic'\nexport const a = [Core, loadDemoClinic]"],
    ['test/foundation/x.test.ts', "import { Core } from '../../src/main/core'\nimport { recordAudit } from '../../src/main/core/testing'\nexport const a = [Core, recordAudit]"],
  ])('allows the layers below in %s', async (file, code) => {
    expect(await layeringErrors(file, code)).toEqual([])
  })
})
