import { useId, useState } from 'react'
import { panelId, TabBar, tabId } from '../../components/TabBar'
import { ChannelsPanel } from '../channels/ChannelsPanel'
import { ComposePanel } from '../compose/ComposePanel'
import { LiveActivityPanel } from '../live-activity/LiveActivityPanel'

type Mode = 'push' | 'liveactivity' | 'channels'
const MODES: Mode[] = ['push', 'liveactivity', 'channels']

/** The middle column's modes: a single push, a Live Activity sequence, broadcast channels. */
export function Workbench() {
  const prefix = useId().replace(/[^A-Za-z0-9_-]/g, '')
  const [mode, setMode] = useState<Mode>('push')
  return (
    <div className="workbench">
      <div className="workbench-tabs">
        <TabBar
          idPrefix={prefix}
          label="What to send"
          selected={mode}
          onSelect={setMode}
          tabs={[
            { id: 'push', label: 'Push', testId: 'mode-push' },
            { id: 'liveactivity', label: 'Live Activity', testId: 'mode-liveactivity' },
            { id: 'channels', label: 'Channels', testId: 'mode-channels' }
          ]}
        />
      </div>
      {MODES.map((id) => (
        <div key={id} role="tabpanel" id={panelId(prefix, id)} aria-labelledby={tabId(prefix, id)} className="workbench-panel" hidden={mode !== id}>
          {mode === id ? id === 'push' ? <ComposePanel /> : id === 'liveactivity' ? <LiveActivityPanel /> : <ChannelsPanel /> : null}
        </div>
      ))}
    </div>
  )
}
