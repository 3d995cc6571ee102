import { create } from 'zustand'
import type { FindingAction } from '../../../shared/diagnosis'
import type { PushTemplate, SavedDevice } from '../../../shared/domain'
import type { TemplateVariable } from '../../../shared/library/template-variables'
import { ENVIRONMENTS, type Environment } from '../../../shared/environments'
import { replaceSmartQuotes } from '../../../shared/payload'
import { PRIORITIES, type Priority, type PushType } from '../../../shared/push-types'
import { inputFromExpiration, toLocalDateTimeValue, type ExpirationInput, type ExpirationMode, type ExpirationUnit } from '../lib/expiration-input'
import type { ResendDraft } from '../lib/resend'
import { useRequiredFields } from './required-fields'
import { DEFAULT_ALERT_PAYLOAD, DEFAULT_BACKGROUND_PAYLOAD } from './samples'

/**
 * The push being composed, exactly as typed. The token is kept raw: the shared diagnosis shows
 * what it normalises to, and main normalises and checks it again before sending.
 */
interface ComposeState {
  deviceToken: string
  bundleId: string
  environment: Environment
  pushType: PushType
  priority: Priority
  payloadText: string
  /** apns-topic typed by hand; null derives it from the bundle ID and push type. */
  topicOverride: string | null
  /** apns-expiration as the form holds it; lib/expiration-input makes the contract's value. */
  expiration: ExpirationInput
  collapseId: string
  apnsId: string
  /** The priority that entering background replaced with 5; null once the user picks one. */
  priorityBeforeBackground: Priority | null
  /** The template last loaded into compose (update and export act on it); null for none. */
  templateId: string | null
  /** That template's variable defaults: a send falls back to them (lib/variable-values). */
  templateDefaults: TemplateVariable[]
  /** Values typed for the payload's {{variables}}, prefilled from the template's defaults. */
  variableValues: Record<string, string>

  setDeviceToken: (value: string) => void
  setBundleId: (value: string) => void
  setEnvironment: (value: Environment) => void
  setPushType: (value: PushType) => void
  setPriority: (value: Priority) => void
  setPayloadText: (value: string) => void
  /** Turning the override on starts from the topic that would be sent, so it can be edited. */
  setTopicOverrideEnabled: (enabled: boolean, startFrom: string) => void
  setTopicOverride: (value: string) => void
  /** A certificate topic chosen as the target: it becomes the bundle ID, the override is dropped. */
  chooseTopic: (topic: string) => void
  setExpirationMode: (mode: ExpirationMode) => void
  setExpirationAt: (value: string) => void
  setExpirationAmount: (value: string) => void
  setExpirationUnit: (unit: ExpirationUnit) => void
  setCollapseId: (value: string) => void
  setApnsId: (value: string) => void
  generateApnsId: () => void
  replaceSmartQuotes: () => void
  /** The one-click fixes that findings offer. */
  applyAction: (action: FindingAction) => void
  /** Fill token, bundle ID and environment from a saved device. */
  applyDevice: (device: SavedDevice) => void
  setVariableValue: (name: string, value: string) => void
  /** Push type, priority, expiration, collapse ID, payload and variable defaults from a template. */
  applyTemplate: (template: PushTemplate) => void
  /** After saving or updating: compose now shows that template. */
  markTemplate: (template: PushTemplate) => void
  forgetTemplate: (id: string) => void
  /** A history entry's request back in the form (history's re-send), as it went on the wire. */
  applyResend: (draft: ResendDraft) => void
}

const ONE_HOUR_MS = 3_600_000

export const useCompose = create<ComposeState>()((set, get) => ({
  deviceToken: '',
  bundleId: '',
  environment: 'sandbox',
  pushType: 'alert',
  priority: 10,
  payloadText: DEFAULT_ALERT_PAYLOAD,
  topicOverride: null,
  expiration: { mode: 'none', at: '', amount: '1', unit: 'hours' },
  collapseId: '',
  apnsId: '',
  priorityBeforeBackground: null,
  templateId: null,
  templateDefaults: [],
  variableValues: {},

  setDeviceToken: (deviceToken) => {
    useRequiredFields.getState().reveal('token')
    set({ deviceToken })
  },
  setBundleId: (bundleId) => {
    useRequiredFields.getState().reveal('topic')
    set({ bundleId })
  },
  setEnvironment: (environment) => set({ environment }),
  setPriority: (priority) => set({ priority, priorityBeforeBackground: null }),
  setPayloadText: (payloadText) => set({ payloadText }),

  setPushType: (pushType) => {
    const { pushType: previous, priority, payloadText, priorityBeforeBackground } = get()
    if (pushType === previous) return
    if (pushType === 'background') {
      // Apple requires priority 5 for background pushes; an untouched alert sample would only
      // earn warnings, so it becomes the minimal silent payload.
      set({
        pushType,
        priority: 5,
        priorityBeforeBackground: priority === 5 ? null : priority,
        payloadText: payloadText === DEFAULT_ALERT_PAYLOAD ? DEFAULT_BACKGROUND_PAYLOAD : payloadText
      })
    } else if (previous === 'background') {
      // Leaving background undoes only what background did and the user has not changed since:
      // the 5 it set (back to the priority it replaced, 10 unless the user had chosen another),
      // and the silent sample while untouched.
      set({
        pushType,
        priority: priorityBeforeBackground !== null && priority === 5 ? priorityBeforeBackground : priority,
        priorityBeforeBackground: null,
        payloadText: payloadText === DEFAULT_BACKGROUND_PAYLOAD ? DEFAULT_ALERT_PAYLOAD : payloadText
      })
    } else {
      set({ pushType })
    }
  },

  setTopicOverrideEnabled: (enabled, startFrom) => {
    useRequiredFields.getState().reveal('topic')
    set({ topicOverride: enabled ? startFrom : null })
  },
  setTopicOverride: (topicOverride) => {
    useRequiredFields.getState().reveal('topic')
    set({ topicOverride })
  },
  chooseTopic: (topic) => set({ bundleId: topic, topicOverride: null }),

  setExpirationMode: (mode) => {
    const expiration = get().expiration
    // A date picker that opens on "now + 1 hour" is one edit away from what people want.
    const at = mode === 'at' && expiration.at === '' ? toLocalDateTimeValue(Date.now() + ONE_HOUR_MS) : expiration.at
    set({ expiration: { ...expiration, mode, at } })
  },
  setExpirationAt: (at) => set({ expiration: { ...get().expiration, at } }),
  setExpirationAmount: (amount) => set({ expiration: { ...get().expiration, amount } }),
  setExpirationUnit: (unit) => set({ expiration: { ...get().expiration, unit } }),
  setCollapseId: (collapseId) => set({ collapseId }),
  setApnsId: (apnsId) => set({ apnsId }),
  generateApnsId: () => set({ apnsId: crypto.randomUUID() }),

  replaceSmartQuotes: () => set({ payloadText: replaceSmartQuotes(get().payloadText) }),

  applyAction: (action) => {
    switch (action.kind) {
      case 'replace-smart-quotes':
        get().replaceSmartQuotes()
        return
      case 'use-token':
        if (action.value !== undefined) set({ deviceToken: action.value })
        return
      case 'set-priority': {
        const priority = PRIORITIES.find((p) => String(p) === action.value)
        if (priority !== undefined) set({ priority, priorityBeforeBackground: null })
        return
      }
      case 'set-environment': {
        const environment = ENVIRONMENTS.find((e) => e === action.value)
        if (environment !== undefined) set({ environment })
        return
      }
      case 'set-topic':
        if (action.value) get().chooseTopic(action.value)
        return
    }
  },

  applyDevice: (device) => set({ deviceToken: device.token, bundleId: device.bundleId, environment: device.environment }),

  setVariableValue: (name, value) => set({ variableValues: { ...get().variableValues, [name]: value } }),

  applyTemplate: (template) =>
    set({
      pushType: template.pushType,
      priority: template.priority,
      priorityBeforeBackground: null,
      expiration: inputFromExpiration(template.expiration),
      collapseId: template.collapseId,
      payloadText: template.payloadText,
      templateId: template.id,
      templateDefaults: template.variables,
      variableValues: Object.fromEntries(template.variables.map((v) => [v.name, v.defaultValue]))
    }),

  markTemplate: (template) => set({ templateId: template.id, templateDefaults: template.variables }),

  applyResend: (draft) =>
    set({
      ...draft,
      expiration: inputFromExpiration(draft.expiration),
      topicOverride: null,
      apnsId: '',
      priorityBeforeBackground: null,
      templateId: null,
      templateDefaults: [],
      variableValues: {}
    }),

  forgetTemplate: (id) => {
    if (get().templateId === id) set({ templateId: null, templateDefaults: [] })
  }
}))
