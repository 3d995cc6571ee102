// Electronegativity (Doyensec's Electron security scanner) over the built app (out/) and the
// main-process sources (src/main), as a gate: any finding not in the allowlist fails the run.
//
// Offline by construction. Electronegativity fetches translations from S3 at start (i18n, through
// `got`) and Electron's release list from GitHub (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK); neither
// has an option or environment variable to turn it off. So the scan runs in this process with
// `got` replaced by a stub that refuses at once (the bundled en-US strings are used), that check
// excluded, and a guard that refuses any socket or DNS lookup beyond loopback and fails the run if
// anything tried one.
//
// Usage: node scripts/electronegativity.mjs   (after `npm run build`)
// Reports: electronegativity-out.sarif and electronegativity-src-main.sarif in reports/security/.
import dns from 'node:dns'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import net from 'node:net'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'

const root = resolve(dirname(new URL(import.meta.url).pathname), '..')
const require = createRequire(import.meta.url)
const reportDir = join(root, 'reports', 'security')
const allowlistPath = join(root, 'scripts', 'electronegativity-allowlist.json')

// --- loopback-only guard ---------------------------------------------------------------------
const refused = []
const isLoopback = (host) => !host || host === 'localhost' || host === '::1' || /^127\./.test(host)
const originalConnect = net.Socket.prototype.connect
net.Socket.prototype.connect = function guardedConnect(...args) {
  const options = typeof args[0] === 'object' && args[0] !== null ? args[0] : { port: args[0], host: typeof args[1] === 'string' ? args[1] : undefined }
  if (!options.path && !isLoopback(options.host)) {
    refused.push(`connect ${options.host}:${options.port}`)
    throw new Error(`electronegativity gate: network access to ${options.host} refused (loopback only)`)
  }
  return originalConnect.apply(this, args)
}
const originalLookup = dns.lookup
dns.lookup = function guardedLookup(host, ...rest) {
  if (!isLoopback(host)) {
    refused.push(`dns ${host}`)
    const callback = rest.find((a) => typeof a === 'function')
    const error = Object.assign(new Error(`electronegativity gate: DNS lookup of ${host} refused (loopback only)`), { code: 'ENOTFOUND' })
    if (callback) process.nextTick(() => callback(error))
    return {}
  }
  return originalLookup.call(this, host, ...rest)
}

// --- `got` stub inside electronegativity ------------------------------------------------------
const scannerDir = dirname(require.resolve('@doyensec/electronegativity/package.json'))
const gotPath = createRequire(join(scannerDir, 'dist', 'index.js')).resolve('got')
const offline = () => Promise.reject(new Error('offline: electronegativity runs without network in Pushdeck CI'))
const gotStub = Object.assign(offline, { head: offline, get: offline, post: offline, stream: offline, extend: () => gotStub })
require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: gotStub }
const run = require(join(scannerDir, 'dist', 'runner.js'))

// --- scan -------------------------------------------------------------------------------------
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
const targets = [
  { name: 'out', input: join(root, 'out') },
  { name: 'src-main', input: join(root, 'src', 'main') }
]
for (const target of targets) {
  if (!existsSync(target.input)) {
    console.error(`electronegativity: ${relative(root, target.input)} is missing; run \`npm run build\` first.`)
    process.exit(1)
  }
}
const allowlist = JSON.parse(readFileSync(allowlistPath, 'utf8'))
for (const entry of allowlist) {
  if (!entry.id || !entry.reason) {
    console.error(`electronegativity: every allowlist entry needs an id and a one-line reason (${JSON.stringify(entry)}).`)
    process.exit(1)
  }
}
const allowed = (finding) => allowlist.some((entry) => entry.id === finding.id && (!entry.file || finding.file === entry.file))

mkdirSync(reportDir, { recursive: true })
const silence = console.log
const findings = []
for (const target of targets) {
  const output = join(reportDir, `electronegativity-${target.name}.sarif`)
  rmSync(output, { force: true }) // so a report from an earlier run is never read as this one's
  console.log = () => {} // the scanner's progress lines; errors still reach stderr
  let result
  try {
    result = await run({ input: target.input, output, isSarif: true, customScan: [], excludeFromScan: ['AvailableSecurityFixesGlobalCheck'], isRelative: true, isVerbose: false, electronVersionOverride: electronVersion, parserPlugins: [] }, false)
  } finally {
    console.log = silence
  }
  if (result.errors.length) console.warn(`electronegativity: ${result.errors.length} file(s) in ${target.name} could not be parsed: ${result.errors.map((e) => e.file).join(', ')}`)
  const sarif = await readWhenWritten(output)
  for (const item of sarif.runs[0].results) {
    const prefix = relative(root, target.input)
    const uri = item.locations[0].physicalLocation.artifactLocation.uri
    // Global checks about the whole target (e.g. "no CSP found") carry no file.
    const file = uri === 'file:///' ? prefix : `${prefix}/${uri}`
    findings.push({ id: item.ruleId, file, line: item.locations[0].physicalLocation.region.startLine, message: item.message.text })
  }
}

if (refused.length) {
  console.error(`electronegativity: network access was attempted and refused: ${[...new Set(refused)].join(', ')}`)
  process.exit(1)
}
const unexpected = findings.filter((f) => !allowed(f))
for (const f of findings) console.log(`${allowed(f) ? 'allowed ' : 'FINDING '} ${f.id}  ${f.file}:${f.line}`)
const unused = allowlist.filter((entry) => !findings.some((f) => f.id === entry.id && (!entry.file || f.file === entry.file)))
for (const entry of unused) console.log(`note: allowlist entry ${entry.id}${entry.file ? ` (${entry.file})` : ''} matched nothing; remove it if it is gone for good.`)
if (unexpected.length) {
  console.error(`\nelectronegativity: ${unexpected.length} finding(s) beyond scripts/electronegativity-allowlist.json. Fix them, or add each with a one-line reason.`)
  for (const f of unexpected) console.error(`  ${f.id} ${f.file}:${f.line}  ${f.message}`)
  process.exit(1)
}
console.log(`electronegativity: ${findings.length} finding(s), all allowlisted; reports in ${relative(root, reportDir)}/ (no network used).`)

/** writeIssues writes the report asynchronously; wait until it is complete JSON. */
async function readWhenWritten(path) {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      return JSON.parse(readFileSync(path, 'utf8'))
    } catch {
      await new Promise((r) => setTimeout(r, 50))
    }
  }
  throw new Error(`electronegativity did not write ${path}`)
}
