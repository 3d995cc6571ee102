import { useMemo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { normaliseDeviceToken } from '../../../shared/device-token'
import { diagnose, type Diagnosis, type PushDraft } from '../../../shared/diagnosis'
import type { SavedDevice, SendRequest } from '../../../shared/domain'
import { expirationFromInput } from '../lib/expiration-input'
import { useClock } from './clock'
import { useCompose } from './compose'
import { selectedCredential, useCredentials } from './credentials'
import { useDevices } from './devices'

/**
 * The shared checker applied to the current draft. It is derived, never stored, so it cannot go
 * stale: the same diagnose() runs again in main before anything is sent.
 */
type ComposeFields = Pick<
  ReturnType<typeof useCompose.getState>,
  'environment' | 'deviceToken' | 'bundleId' | 'pushType' | 'priority' | 'payloadText' | 'topicOverride' | 'expiration' | 'collapseId' | 'apnsId'
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
    apnsId: s.apnsId
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
    apnsId: compose.apnsId
  }
}

/** C-07: the saved device this token belongs to, so its saved environment can be compared. */
function savedDeviceFor(rawToken: string, devices: SavedDevice[]): SavedDevice | null {
  const token = normaliseDeviceToken(rawToken)
  return token.ok ? (devices.find((d) => d.token === token.token) ?? null) : null
}

/** For store actions: the request as it would be sent now (raw token; main normalises it). */
export function currentRequest(): SendRequest {
  return draftOf(useCompose.getState(), useCredentials.getState().selectedId)
}

export function currentDiagnosis(): Diagnosis {
  const request = currentRequest()
  return diagnose(request, selectedCredential(useCredentials.getState()), {
    now: Date.now(),
    savedDevice: savedDeviceFor(request.deviceToken, useDevices.getState().list)
  })
}

/** For components: re-runs the diagnosis only when an input to it changes. */
export function useDiagnosis(): Diagnosis {
  const compose = useCompose(useShallow(pickCompose))
  const credential = useCredentials((s) => selectedCredential(s))
  const devices = useDevices((s) => s.list)
  const now = useClock((s) => s.now)
  return useMemo(
    () => diagnose(draftOf(compose, credential?.id ?? null), credential, { now, savedDevice: savedDeviceFor(compose.deviceToken, devices) }),
    [compose, credential, devices, now]
  )
}
