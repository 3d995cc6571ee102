import { FindingList } from '../../components/FindingList'
import { groupChecks } from '../../lib/fanout-gate'
import { listedFindings } from '../../lib/finding-presentation'
import { useCompose } from '../../stores/compose'
import { useComposeChecks } from '../../stores/diagnosis'
import { GROUP_MODES, useTarget } from '../../stores/target'
import { EnvironmentField } from './EnvironmentField'
import { HeadersGroup } from './HeadersGroup'
import { PayloadSection } from './PayloadSection'
import { ProfileSwitcher } from './ProfileSwitcher'
import { SaveDeviceForm } from './SaveDeviceForm'
import { SendButton } from './SendButton'
import { SendOptions } from './SendOptions'
import { TargetControl } from './TargetControl'
import { TopicField } from './TopicField'
import { VariablesBlock } from './VariablesBlock'

/**
 * The middle column: everything that makes up one push, checked live as it is typed. Each
 * finding is shown once, under its field; the Checks list holds only those without one here
 * (the credential's, as it is picked in the sidebar). The profile switcher stays in the header.
 */
export function ComposePanel() {
  const checks = useComposeChecks()
  const simulator = useTarget((s) => s.mode === 'simulator')
  const group = useTarget((s) => GROUP_MODES.has(s.mode))
  // simctl takes no token, topic, credential or headers: only the payload's findings apply. A group
  // send is gated by what every device shares; each device's own parts are checked in main.
  const { diagnosis } = checks
  const { shown, pending, errorCount } = simulator ? simulatorChecks(checks) : group ? groupChecks(checks) : checks
  const blocked = simulator ? errorCount > 0 : group ? errorCount > 0 || pending.length > 0 : diagnosis.blocked
  const applyAction = useCompose((s) => s.applyAction)
  const listed = listedFindings(shown)
  const allClear = shown.length === 0 && pending.length === 0

  return (
    <section className="column compose" aria-labelledby="compose-heading">
      <header className="column-header compose-header">
        <h2 id="compose-heading">Compose</h2>
        <ProfileSwitcher />
      </header>
      <div className="column-body">
        <TargetControl diagnosis={diagnosis} findings={shown} />
        {/* A simulator has no topic or environment; each device of a group brings its own. */}
        {simulator || group ? null : (
          <>
            <TopicField diagnosis={diagnosis} findings={shown} />
            <EnvironmentField findings={shown} />
            {/* Token, topic and environment make a device: saving it comes right after them. */}
            <SaveDeviceForm />
          </>
        )}
        <SendOptions findings={shown} simulator={simulator} />
        {simulator ? null : <HeadersGroup findings={shown} />}
        <PayloadSection diagnosis={diagnosis} findings={shown} />
        <VariablesBlock />
        <FindingList findings={listed} onAction={applyAction} testId="findings" label="Checks" emptyText={allClear ? 'No problems found.' : undefined} />
        <SendButton blocked={blocked} pending={pending} errorCount={errorCount} />
      </div>
    </section>
  )
}

function simulatorChecks(checks: ReturnType<typeof useComposeChecks>): ReturnType<typeof useComposeChecks> {
  const shown = checks.shown.filter((f) => f.field === 'payload')
  return { ...checks, shown, pending: [], errorCount: shown.filter((f) => f.severity === 'error').length }
}
