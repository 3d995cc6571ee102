import type { AppError } from '../../shared/result'
import type { SimctlOutcome } from './simctl-runner'

/**
 * Each way simctl can be unusable, named with its fix. These are the messages the user reads;
 * codes are stable for the renderer and tests.
 */
export const SIMULATOR_PROBLEMS = {
  notMac: (platform: string): AppError => ({
    code: 'simulator.not-macos',
    message: `The iOS Simulator runs only on macOS; this machine runs ${platformName(platform)}.`,
    hint: 'Send to the simulator from Pushdeck on the Mac that runs it, or send to a device token through APNs from here.'
  }),
  xcodeMissing: (detail: string | null): AppError => ({
    code: 'simulator.xcode-missing',
    message: `Xcode's command-line tools were not found, so Pushdeck cannot reach the Simulator${detail ? `: ${detail}` : '.'}`,
    hint: 'Install Xcode from the App Store, open it once, then run "sudo xcode-select --switch /Applications/Xcode.app" and refresh.'
  }),
  noneBooted: (): AppError => ({
    code: 'simulator.none-booted',
    message: 'No simulator is booted.',
    hint: 'Boot one from Xcode (Window > Devices and Simulators) or with "xcrun simctl boot <UDID>"; the list refreshes by itself.'
  }),
  notBooted: (udid: string, name: string | null): AppError => ({
    code: 'simulator.not-booted',
    message: `The simulator ${name ? `"${name}" (${udid})` : udid} is not booted.`,
    hint: 'Boot it in Xcode or with "xcrun simctl boot ' + udid + '", or pick a booted simulator.'
  }),
  appNotInstalled: (bundleId: string, name: string): AppError => ({
    code: 'simulator.app-not-installed',
    message: `No app with the bundle ID "${bundleId}" is installed on "${name}".`,
    hint: 'Run the app on this simulator from Xcode once (or "xcrun simctl install"), or pick one of its installed apps.'
  }),
  malformed: (what: string, problem: string): AppError => ({
    code: 'simulator.malformed-output',
    message: `simctl answered in a form Pushdeck does not understand: ${problem}.`,
    hint: `Run "xcrun simctl ${what}" in Terminal to see its output; updating Xcode usually fixes it. Report it if it persists.`
  }),
  /** Everything else simctl can say, with its own words. */
  failed: (what: string, outcome: Exclude<SimctlOutcome, { kind: 'ok' }>): AppError => {
    switch (outcome.kind) {
      case 'missing':
        return SIMULATOR_PROBLEMS.xcodeMissing(null)
      case 'timeout':
        return { code: 'simulator.timeout', message: `"xcrun simctl ${what}" did not finish within ${outcome.seconds} seconds.`, hint: 'The Simulator may be busy booting or stuck; wait for it, or restart it, then try again.' }
      case 'too-much-output':
        return { code: 'simulator.too-much-output', message: `"xcrun simctl ${what}" printed more than ${Math.round(outcome.limitBytes / 1024 / 1024)} MB, which is not a list Pushdeck can use.`, hint: 'Run the command in Terminal to see what it prints.' }
      case 'spawn-error':
        return { code: 'simulator.spawn-failed', message: `xcrun could not be started: ${outcome.message}`, hint: 'Check that Xcode is installed and that xcrun is executable.' }
      case 'exit':
        return {
          code: 'simulator.simctl-failed',
          message: `"xcrun simctl ${what}" failed${outcome.code !== null ? ` (exit code ${outcome.code})` : ''}: ${firstLines(outcome.stderr || outcome.stdout) || 'it printed nothing.'}`,
          hint: 'Check the simulator is still booted and the app still installed; the message above is simctl\'s own.'
        }
    }
  }
}

/** `xcrun: error: …` is xcrun saying the developer tools are missing or broken, not simctl failing. */
export function isXcrunError(outcome: SimctlOutcome): outcome is Extract<SimctlOutcome, { kind: 'exit' }> {
  return outcome.kind === 'exit' && /^xcrun: error:/m.test(outcome.stderr)
}

/** Problems running simctl at all (the tools missing or broken), or null when it ran. */
export function toolProblem(outcome: SimctlOutcome): AppError | null {
  if (outcome.kind === 'missing') return SIMULATOR_PROBLEMS.xcodeMissing(null)
  if (isXcrunError(outcome)) return SIMULATOR_PROBLEMS.xcodeMissing(firstLines(outcome.stderr))
  return null
}

/** A message quotes simctl's first lines, each cut to a readable length. */
const MAX_QUOTED_LINE = 300

/** simctl can print pages; a message keeps its first lines, the output itself is kept capped. */
export function firstLines(text: string, max = 6): string {
  const lines = text.trim().split(/\r?\n/).map((line) => (line.length > MAX_QUOTED_LINE ? `${line.slice(0, MAX_QUOTED_LINE)}…` : line))
  return lines.length > max ? `${lines.slice(0, max).join('\n')}\n…` : lines.join('\n')
}

/** What simctl printed, as the result and the history keep it: its start, up to a size that stays readable. */
export const MAX_KEPT_OUTPUT = 16 * 1024

export function capOutput(text: string, max = MAX_KEPT_OUTPUT): string {
  return text.length > max ? `${text.slice(0, max)}\n… (${(text.length - max).toLocaleString('en-US')} more characters not kept)` : text
}

function platformName(platform: string): string {
  return ({ linux: 'Linux', win32: 'Windows', freebsd: 'FreeBSD', openbsd: 'OpenBSD', sunos: 'SunOS', aix: 'AIX' } as Record<string, string>)[platform] ?? platform
}
