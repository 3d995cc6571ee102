import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

/** One hash over every file's path and bytes under a folder: equal hashes mean nothing was written. */
export function hashFolder(root: string): string {
  const hash = createHash('sha256')
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else hash.update(relative(root, path)).update('\0').update(readFileSync(path)).update('\0')
    }
  }
  walk(root)
  return hash.digest('hex')
}

/** Every file under a folder with its text, for audits. */
export function readFolder(root: string): { path: string; text: string }[] {
  const files: { path: string; text: string }[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else files.push({ path: relative(root, path), text: readFileSync(path).toString('latin1') })
    }
  }
  walk(root)
  return files
}
