import { useMemo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { diagnose, type Diagnosis, type PushDraft } from '../../../shared/diagnosis'
import type { SendRequest } from '../../../shared/domain'
import { useCompose } from './compose'
import { selectedCredential, useCredentials } from './credentials'

/**
 * The shared checker applied to the current draft. It is derived, never stored, so it cannot go
 * stale: the same diagnose() runs again in main before anything is sent.
 */
function draftOf(compose: Omit<PushDraft, 'credentialId'>, credentialId: string | null): PushDraft {
  return {
    credentialId: credentialId ?? '',
    environment: compose.environment,
    deviceToken: compose.deviceToken,
    bundleId: compose.bundleId,
    pushType: compose.pushType,
    priority: compose.priority,
    payloadText: compose.payloadText
  }
}

/** For store actions: the request as it would be sent now (raw token; main normalises it). */
export function currentRequest(): SendRequest {
  return draftOf(useCompose.getState(), useCredentials.getState().selectedId)
}

export function currentDiagnosis(): Diagnosis {
  return diagnose(currentRequest(), selectedCredential(useCredentials.getState()))
}

/** For components: re-runs the diagnosis only when an input to it changes. */
export function useDiagnosis(): Diagnosis {
  const compose = useCompose(
    useShallow((s) => ({
      environment: s.environment,
      deviceToken: s.deviceToken,
      bundleId: s.bundleId,
      pushType: s.pushType,
      priority: s.priority,
      payloadText: s.payloadText
    }))
  )
  const credential = useCredentials((s) => selectedCredential(s))
  return useMemo(() => diagnose(draftOf(compose, credential?.id ?? null), credential), [compose, credential])
}
