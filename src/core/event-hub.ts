import type { EventName, EventPayloads, EventSink, Unsubscribe } from '../shared/events'

type Listener = <E extends EventName>(name: E, payload: EventPayloads[E]) => void

/** Where core services announce what changed; Electron main forwards it to the windows, tests listen directly. */
export class EventHub {
  private readonly listeners = new Set<Listener>()

  readonly emit: EventSink = (name, payload) => {
    for (const listener of this.listeners) {
      try {
        listener(name, payload)
      } catch {
        // A broken listener (a closed window) must not stop the others or the sender.
      }
    }
  }

  subscribe(listener: Listener): Unsubscribe {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
