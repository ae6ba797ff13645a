// The core's public face for the hosts and the command line.
export { Core, type CoreOptions } from './core'
export type { HostLink } from './dispatch/types'
export { FileKeyStore, type KeyStore, type KeyWrapper } from './keys/key-store'
export { DB_FILE_NAME } from './db/open'
