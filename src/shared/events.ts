import type { AppCommand } from './app-commands'
import type { FanoutProgressEvent } from './fanout-types'

/** Events main sends to the windows: the second half of the contract. */
export const EVENT_NAMES = ['fanout:progress', 'library:changed', 'menu:command'] as const
export type EventName = (typeof EVENT_NAMES)[number]

export interface EventPayloads {
  'fanout:progress': FanoutProgressEvent
  /** Devices or history changed outside the window's own calls (e.g. a fan-out marked devices). */
  'library:changed': { devices: boolean; history: boolean }
  /** A custom item of the application menu was chosen (Send, Quick Switcher, Settings…). */
  'menu:command': { command: AppCommand }
}

export type Unsubscribe = () => void

/** window.api.events: one named subscription per event. */
export type EventsApi = { [E in EventName]: (listener: (payload: EventPayloads[E]) => void) => Unsubscribe }

export type EventSink = <E extends EventName>(name: E, payload: EventPayloads[E]) => void
