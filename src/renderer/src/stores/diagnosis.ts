import { useMemo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { diagnose, type Diagnosis, type PushDraft } from '../../../shared/diagnosis'
import type { SendRequest } from '../../../shared/domain'
import { expirationFromInput } from '../lib/expiration-input'
import { variablesForSend } from '../lib/variable-values'
import { presentFindings, type PresentedFindings } from '../lib/finding-presentation'
import { useClock } from './clock'
import { useCompose } from './compose'
import { selectedCredential, useCredentials } from './credentials'
import { deviceForToken, useDevices } from './devices'
import { useRequiredFields } from './required-fields'
import { useTemplates } from './templates'

/**
 * The shared checker applied to the current draft. It is derived, never stored, so it cannot go
 * stale: the same diagnose() runs again in main before anything is sent.
 */
type ComposeFields = Pick<
  ReturnType<typeof useCompose.getState>,
  | 'environment'
  | 'deviceToken'
  | 'bundleId'
  | 'pushType'
  | 'priority'
  | 'payloadText'
  | 'topicOverride'
  | 'expiration'
  | 'collapseId'
  | 'apnsId'
  | 'variableValues'
  | 'templateDefaults'
>

function pickCompose(s: ComposeFields): ComposeFields {
  return {
    environment: s.environment,
    deviceToken: s.deviceToken,
    bundleId: s.bundleId,
    pushType: s.pushType,
    priority: s.priority,
    payloadText: s.payloadText,
    topicOverride: s.topicOverride,
    expiration: s.expiration,
    collapseId: s.collapseId,
    apnsId: s.apnsId,
    variableValues: s.variableValues,
    templateDefaults: s.templateDefaults
  }
}

function draftOf(compose: ComposeFields, credentialId: string | null): PushDraft {
  return {
    credentialId: credentialId ?? '',
    environment: compose.environment,
    deviceToken: compose.deviceToken,
    bundleId: compose.bundleId,
    pushType: compose.pushType,
    priority: compose.priority,
    payloadText: compose.payloadText,
    topicOverride: compose.topicOverride,
    expiration: expirationFromInput(compose.expiration),
    collapseId: compose.collapseId,
    apnsId: compose.apnsId,
    variables: variablesForSend(compose.payloadText, compose.variableValues, compose.templateDefaults)
  }
}

/** For store actions: the request as it would be sent now (raw token; main normalises it). */
export function currentRequest(): SendRequest {
  const compose = useCompose.getState()
  // The template's name goes with the send so the history can be filtered by it.
  const templateName = compose.templateId ? (useTemplates.getState().list.find((t) => t.id === compose.templateId)?.name ?? null) : null
  return { ...draftOf(compose, useCredentials.getState().selectedId), templateName }
}

export function currentDiagnosis(): Diagnosis {
  const request = currentRequest()
  return diagnose(request, selectedCredential(useCredentials.getState()), {
    now: Date.now(),
    savedDevice: deviceForToken(useDevices.getState().list, request.deviceToken)
  })
}

/** For components: re-runs the diagnosis only when an input to it changes. */
export function useDiagnosis(): Diagnosis {
  const compose = useCompose(useShallow(pickCompose))
  const credential = useCredentials((s) => selectedCredential(s))
  const devices = useDevices((s) => s.list)
  const now = useClock((s) => s.now)
  return useMemo(
    () => diagnose(draftOf(compose, credential?.id ?? null), credential, { now, savedDevice: deviceForToken(devices, compose.deviceToken) }),
    [compose, credential, devices, now]
  )
}

/** The diagnosis as compose shows it: untouched empty required fields held back as "pending". */
export function useComposeChecks(): { diagnosis: Diagnosis } & PresentedFindings {
  const diagnosis = useDiagnosis()
  const rawToken = useCompose((s) => s.deviceToken)
  const revealed = useRequiredFields((s) => s.revealed)
  return useMemo(() => ({ diagnosis, ...presentFindings(diagnosis, rawToken, revealed) }), [diagnosis, rawToken, revealed])
}
