import type { ReasonExplanation } from '../../shared/apns-reasons'

/**
 * Failures without an APNs status are connection problems, not APNs rejections (C-22); say so
 * in plain words and name where to look.
 */
export interface TransportDiagnosis extends ReasonExplanation {
  /** Worth one more try on a fresh connection: the connection died, the request never got an answer. */
  retryable: boolean
}

export function explainTransportError(message: string, host: string, isEmulator: boolean): TransportDiagnosis {
  const m = message.toLowerCase()
  if (m.startsWith('credential refused before sending')) return explainCredentialRefusal(message)
  if (m.includes('econnrefused')) {
    return {
      explanation: `Could not connect to ${host}: the connection was refused.`,
      fix: isEmulator ? 'The local emulator is not listening; restart Pushdeck.' : 'Check the network; a firewall may block outgoing port 443.',
      retryable: false
    }
  }
  if (m.includes('enotfound') || m.includes('eai_again')) {
    return { explanation: `Could not look up ${host}: no network or no DNS.`, fix: 'Check the internet connection.', retryable: false }
  }
  if (m.includes('wrong version number') || m.includes('packet length too long') || m.includes('http_request')) {
    return { explanation: `Something answered at ${host} that does not speak TLS, so it is not APNs.`, fix: 'A proxy or firewall may be in the way; send from another network.', retryable: false }
  }
  if (m.includes('no application protocol') || m.includes('alpn')) {
    return { explanation: `The server at ${host} does not speak HTTP/2, so it is not APNs.`, fix: 'A proxy or security product may be intercepting HTTPS; send from another network.', retryable: false }
  }
  if (m.includes('socket disconnected before secure tls') || m.includes('before secure tls connection')) {
    return { explanation: `${host} closed the connection during the TLS handshake.`, fix: 'A proxy or firewall may be refusing the connection; send from another network.', retryable: false }
  }
  if (m.includes('certificate') || m.includes('self-signed') || m.includes('self signed') || m.includes('unable to verify')) {
    return {
      explanation: `The TLS certificate of ${host} is not trusted, so Pushdeck did not send.`,
      fix: 'A proxy or security product may be intercepting HTTPS; send from a network without it.',
      retryable: false
    }
  }
  if (m.includes('timeout') || m.includes('timed out')) {
    // Not retried: the server may have the push already, and a second wait doubles the delay.
    return { explanation: `${host} did not answer in time, so the connection was reset. APNs may or may not have received the push.`, fix: 'Send again when the network is stable.', retryable: false }
  }
  if (
    m.includes('goaway') ||
    m.includes('stream ended unexpectedly') ||
    m.includes('refused_stream') ||
    m.includes('econnreset') ||
    m.includes('socket hang up') ||
    m.includes('client is destroyed') ||
    m.includes('session closed') ||
    m.includes('stream closed with error code') ||
    m.includes('has been canceled')
  ) {
    return { explanation: `The connection to ${host} closed before APNs answered.`, fix: 'Send again; Pushdeck opens a new connection.', retryable: true }
  }
  return { explanation: `The request did not reach APNs: ${message.slice(0, 300)}`, fix: 'Check the network and send again.', retryable: false }
}

/** node-apn's constructor checks a certificate before connecting; say what its words mean. */
function explainCredentialRefusal(message: string): TransportDiagnosis {
  const m = message.toLowerCase()
  if (m.endsWith('was removed')) return { explanation: `The credential ${message.replace(/^credential refused before sending: /i, '')} while the push was on its way, so it was not sent.`, fix: 'Pick another credential and send again.', retryable: false }
  if (m.includes('does not support configured environment')) {
    return { explanation: 'This certificate is not valid for the chosen environment, so nothing was sent.', fix: 'Switch environment, or use a "Sandbox & Production" certificate.', retryable: false }
  }
  if (m.includes('expired')) return { explanation: 'The certificate has expired, so nothing was sent.', fix: 'Create a new push certificate, or use a .p8 token key.', retryable: false }
  if (m.includes('do not match')) return { explanation: 'The certificate and its private key do not belong together.', fix: 'Export the certificate with its own key as one .p12 and add it again.', retryable: false }
  return { explanation: `The credential could not be used: ${message.replace(/^credential refused before sending: /i, '')}`, fix: 'Remove the credential and add it again.', retryable: false }
}
