// Where things are when the app runs under plain Node (browser host, command
// line, tests): the repository's resources/ and out/renderer, and the same
// per-user data folder that Electron's app.getPath('userData') gives, so both
// hosts open the same clinic file.
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const APP_NAME = 'Derm Consent'

/** The repository (or unpacked app) root: three levels above src/main/core. */
export const appRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..')
export const resourcesDir = join(appRoot, 'resources')
export const rendererDir = join(appRoot, 'out', 'renderer')

export function defaultDataDir(): string {
  const home = homedir()
  switch (process.platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', APP_NAME)
    case 'win32':
      return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME)
    default:
      return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_NAME)
  }
}
