#!/usr/bin/env node
// A stand-in for `xcrun` in tests: replays the recorded simctl output and exit code that
// scenario.json (next to this file) gives for each simctl subcommand, and appends the argv it
// received to calls.jsonl, with the payload file's content for `simctl push` (Pushdeck removes
// the file right after).
import { appendFileSync, existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

const here = dirname(process.argv[1])
const argv = process.argv.slice(2)
const call = { argv }
if (argv[0] === 'simctl' && argv[1] === 'push' && argv[4] && existsSync(argv[4])) call.payloadFile = readFileSync(argv[4], 'utf8')
appendFileSync(join(here, 'calls.jsonl'), JSON.stringify(call) + '\n')

const scenario = JSON.parse(readFileSync(join(here, 'scenario.json'), 'utf8'))
const reply = argv[0] === 'simctl' ? scenario[argv[1]] : undefined
if (!reply) {
  process.stderr.write(`xcrun: error: unable to find utility "${argv[0]}", not a developer tool or in PATH\n`)
  process.exit(72)
}
const stdout = reply.stdoutFile ? readFileSync(reply.stdoutFile, 'utf8') : (reply.stdout ?? '')
process.stdout.write(stdout)
process.stderr.write(reply.stderr ?? '')
process.exitCode = reply.code ?? 0
