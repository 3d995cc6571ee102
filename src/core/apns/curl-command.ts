import type { SigningIdentity } from '../credentials/credential-service'
import type { ApnsEndpoint } from './endpoint'
import { signProviderToken } from './provider-jwt'

/**
 * "Copy as curl": the same request Pushdeck would send, as a command a developer can run or
 * paste into a bug report. With token auth it carries a freshly signed JWT, which is a secret
 * for the next hour; with certificate auth it names PEM files the user exports themselves.
 */
export interface CurlRequest {
  endpoint: ApnsEndpoint
  /** The emulator's CA file, so curl verifies TLS against it instead of being told not to. */
  caFile: string | null
  token: string
  headers: Record<string, string>
  body: string
}

export interface CurlCommand {
  command: string
  containsSecret: boolean
  warning: string
}

export function buildCurlCommand(request: CurlRequest, identity: SigningIdentity, nowSeconds: number): CurlCommand {
  const { endpoint } = request
  const url = `https://${endpoint.address}${endpoint.port === 443 ? '' : `:${endpoint.port}`}/3/device/${request.token}`
  const lines = ['curl --http2 --silent --show-error --include']
  if (request.caFile) lines.push(`--cacert ${quote(request.caFile)}`)
  for (const [name, value] of Object.entries(request.headers)) lines.push(`--header ${quote(`${name}: ${value}`)}`)
  if (identity.kind === 'token') {
    const jwt = signProviderToken(identity.privateKeyPem, identity.summary.keyId, identity.summary.teamId, nowSeconds)
    lines.push(`--header ${quote(`authorization: bearer ${jwt}`)}`)
  } else {
    lines.push('--cert push-cert.pem --key push-key.pem')
  }
  lines.push(`--data ${quote(request.body)}`, quote(url))
  const command = lines.join(' \\\n  ')
  if (identity.kind === 'token') {
    return { command, containsSecret: true, warning: 'This command contains a provider token signed with your key. Anyone who has it can send pushes as your team for the next hour: do not paste it anywhere public.' }
  }
  return {
    command: `# Export the certificate and key to PEM first, e.g.:\n#   openssl pkcs12 -in push.p12 -clcerts -nokeys -out push-cert.pem\n#   openssl pkcs12 -in push.p12 -nocerts -nodes -out push-key.pem\n${command}`,
    containsSecret: false,
    warning: 'The command names push-cert.pem and push-key.pem; export them from your .p12 as shown. Keep push-key.pem private.'
  }
}

/** POSIX shell single quotes: nothing inside is interpreted; a ' becomes '\'' */
function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`
}
