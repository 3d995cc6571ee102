import { FindingList } from '../../components/FindingList'
import { useCompose } from '../../stores/compose'
import { useDiagnosis } from '../../stores/diagnosis'
import { HeadersGroup } from './HeadersGroup'
import { PayloadSection } from './PayloadSection'
import { SaveDeviceForm } from './SaveDeviceForm'
import { SendButton } from './SendButton'
import { SendOptions } from './SendOptions'
import { TokenField } from './TokenField'
import { TopicField } from './TopicField'

/** The middle column: everything that makes up one push, checked live as it is typed. */
export function ComposePanel() {
  const diagnosis = useDiagnosis()
  const applyAction = useCompose((s) => s.applyAction)

  return (
    <section className="column compose" aria-labelledby="compose-heading">
      <header className="column-header">
        <h2 id="compose-heading">Compose</h2>
      </header>
      <div className="column-body">
        <TokenField diagnosis={diagnosis} />
        <TopicField diagnosis={diagnosis} />
        <SaveDeviceForm />
        <SendOptions />
        <HeadersGroup diagnosis={diagnosis} />
        <PayloadSection diagnosis={diagnosis} />
        <FindingList findings={diagnosis.findings} onAction={applyAction} testId="findings" label="Checks" emptyText="No problems found." />
        <SendButton diagnosis={diagnosis} />
      </div>
    </section>
  )
}
