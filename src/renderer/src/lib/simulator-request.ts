import type { PushType } from '../../../shared/push-types'
import type { SimulatorAvailability, SimulatorSendRequest } from '../../../shared/simulator'
import { simulatorPushTypeProblem } from '../../../shared/simulator'
import type { TemplateVariable } from '../../../shared/library/template-variables'
import { variablesForSend } from './variable-values'

interface ComposeForSimulator {
  bundleId: string
  pushType: PushType
  payloadText: string
  variableValues: Record<string, string>
  templateDefaults: TemplateVariable[]
}

/** The push compose holds, for the picked simulator: headers and the token do not exist for simctl. */
export function simulatorRequest(compose: ComposeForSimulator, udid: string, templateName: string | null): SimulatorSendRequest {
  return {
    udid,
    bundleId: compose.bundleId.trim(),
    pushType: compose.pushType,
    payloadText: compose.payloadText,
    variables: variablesForSend(compose.payloadText, compose.variableValues, compose.templateDefaults),
    templateName
  }
}

export interface SimulatorReadiness {
  availability: SimulatorAvailability | null
  selectedUdid: string | null
  bundleId: string
  installed: boolean
  appsLoaded: boolean
  pushType: PushType
}

/** What stops a simulator send before it is tried, in the words Send shows; null when it can go. */
export function simulatorSendBlocker(r: SimulatorReadiness): string | null {
  if (r.availability && !r.availability.usable && !r.selectedUdid) return r.availability.message
  if (!r.selectedUdid) return r.availability ? 'Pick a booted simulator.' : 'Looking for booted simulators…'
  const type = simulatorPushTypeProblem(r.pushType)
  if (type) return type.message
  if (r.bundleId.trim() === '') return 'Pick an app installed on the simulator.'
  if (r.appsLoaded && !r.installed) return `${r.bundleId.trim()} is not installed on this simulator; pick one of its apps.`
  return null
}
