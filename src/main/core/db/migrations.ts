// Numbered SQL files in resources/migrations (`001-foundation.sql`, ...).
// The number is the schema version it brings the file to.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export interface Migration {
  version: number
  name: string
  sql: string
}

export function loadMigrations(dir: string): Migration[] {
  const files = readdirSync(dir).filter((f) => /^\d{3}-[a-z0-9-]+\.sql$/.test(f))
  const migrations = files.map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: readFileSync(join(dir, f), 'utf8') })).sort((a, b) => a.version - b.version)
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migrations must be numbered 001, 002, ... without gaps; found ${m.name}`)
  })
  return migrations
}
