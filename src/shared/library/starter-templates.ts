import type { Expiration } from '../expiration'
import type { Priority, PushType } from '../push-types'
import type { TemplateVariable } from './template-variables'

/** The presets every new library starts with: the pushes iOS developers send most. */
export interface StarterTemplate {
  name: string
  group: string
  pushType: PushType
  priority: Priority
  expiration: Expiration
  collapseId: string
  payload: unknown
  variables: TemplateVariable[]
}

const none: Expiration = { mode: 'none' }
const alert = (name: string, payload: unknown, variables: TemplateVariable[] = [], priority: Priority = 10): StarterTemplate => ({
  name, group: 'Alerts', pushType: 'alert', priority, expiration: none, collapseId: '', payload, variables
})

export const STARTER_TEMPLATES: StarterTemplate[] = [
  alert('Alert', { aps: { alert: { title: '{{title}}', body: '{{body}}' }, sound: 'default' } }, [
    { name: 'title', defaultValue: 'Hello' },
    { name: 'body', defaultValue: 'This push came from Pushdeck.' }
  ]),
  alert('Localized alert', { aps: { alert: { 'title-loc-key': 'GREETING_TITLE', 'loc-key': 'GREETING_BODY', 'loc-args': ['{{name}}'] } } }, [{ name: 'name', defaultValue: 'Alex' }]),
  alert('Badge only', { aps: { badge: 1 } }, [], 5),
  alert('Clear badge', { aps: { badge: 0 } }, [], 5),
  alert('Sound', { aps: { alert: 'You have a new message', sound: 'default' } }),
  alert('Critical sound', { aps: { alert: { title: 'Critical', body: 'Needs the critical alerts entitlement.' }, sound: { critical: 1, name: 'default', volume: 1.0 } } }),
  alert('Rich notification (mutable-content)', { aps: { alert: { title: 'Photo', body: 'A notification service extension can add the image.' }, 'mutable-content': 1 }, 'media-url': 'https://example.com/image.jpg' }),
  alert('Category with actions', { aps: { alert: { title: 'Invitation', body: 'Lunch at noon?' }, category: 'INVITATION' }, 'invitation-id': '{{uuid}}' }),
  alert('Thread grouping', { aps: { alert: { title: 'Chat', body: 'New message in #general' }, 'thread-id': 'chat-general' } }),
  alert('Time-sensitive', { aps: { alert: { title: 'Your ride is here', body: 'Meet the driver outside.' }, 'interruption-level': 'time-sensitive', 'relevance-score': 1 } }),
  {
    name: 'Silent background refresh', group: 'Background', pushType: 'background', priority: 5, expiration: none, collapseId: '',
    payload: { aps: { 'content-available': 1 }, refresh: 'inbox' }, variables: []
  },
  {
    name: 'Live Activity: start (push-to-start)', group: 'Live Activities', pushType: 'liveactivity', priority: 10, expiration: none, collapseId: '',
    payload: {
      aps: {
        timestamp: '{{now}}' as unknown,
        event: 'start',
        'content-state': { status: 'ordered', minutesLeft: 30 },
        'attributes-type': 'DeliveryAttributes',
        attributes: { orderId: '{{orderId}}' },
        alert: { title: 'Order placed', body: 'Tracking your delivery.' }
      }
    },
    variables: [{ name: 'orderId', defaultValue: 'A-1001' }]
  },
  {
    name: 'Live Activity: update', group: 'Live Activities', pushType: 'liveactivity', priority: 10, expiration: none, collapseId: '',
    payload: { aps: { timestamp: '{{now}}' as unknown, event: 'update', 'content-state': { status: 'on the way', minutesLeft: 10 }, 'stale-date': '{{staleDate}}' as unknown } },
    variables: [{ name: 'staleDate', defaultValue: '2000000000' }]
  },
  {
    name: 'Live Activity: end', group: 'Live Activities', pushType: 'liveactivity', priority: 10, expiration: none, collapseId: '',
    // Dismissed as it ends; iOS would keep it at most 4 hours, so a fixed far date would mislead.
    payload: { aps: { timestamp: '{{now}}' as unknown, event: 'end', 'content-state': { status: 'delivered', minutesLeft: 0 }, 'dismissal-date': '{{now}}' as unknown } },
    variables: []
  },
  {
    name: 'VoIP call', group: 'PushKit', pushType: 'voip', priority: 10, expiration: { mode: 'immediate' }, collapseId: '',
    payload: { aps: {}, callId: '{{uuid}}', caller: '{{caller}}', hasVideo: false }, variables: [{ name: 'caller', defaultValue: 'Alex' }]
  },
  {
    name: 'Widget reload', group: 'WidgetKit', pushType: 'widgets', priority: 10, expiration: none, collapseId: '',
    payload: { aps: { 'content-changed': true } }, variables: []
  }
]

/**
 * Numbers that come from variables ({{now}}, dates) are written unquoted in the payload text,
 * so the rendered JSON carries numbers (Live Activity timestamps must be numbers, in seconds).
 */
export function starterPayloadText(template: StarterTemplate): string {
  return JSON.stringify(template.payload, null, 2).replace(/"(\{\{(?:now|staleDate)\}\})"/g, '$1')
}
