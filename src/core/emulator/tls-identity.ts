import forge from 'node-forge'

/** The emulator's TLS server key and certificate, both PEM. */
export interface EmulatorTlsIdentity {
  keyPem: string
  certPem: string
}

const VALIDITY_YEARS = 10
/** Backdate the start so a client whose clock runs a little behind still accepts the certificate. */
const BACKDATE_MS = 24 * 60 * 60 * 1000

/**
 * RSA-2048 self-signed certificate made with node-forge, SAN DNS:localhost and IP:127.0.0.1,
 * valid 10 years.
 *
 * Clients (node-apn, raw http2) trust it by passing the certificate itself as `ca: [certPem]`,
 * so TLS verification stays on; the SAN covers both loopback names the app may dial.
 * node-forge defers to Node's native key generation when it is available, so this is fast.
 */
export function createEmulatorTlsIdentity(): EmulatorTlsIdentity {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 })
  const cert = forge.pki.createCertificate()
  cert.publicKey = keys.publicKey
  cert.serialNumber = randomPositiveSerial()

  const notBefore = new Date(Date.now() - BACKDATE_MS)
  const notAfter = new Date(notBefore.getTime())
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + VALIDITY_YEARS)
  cert.validity.notBefore = notBefore
  cert.validity.notAfter = notAfter

  const name = [
    { name: 'commonName', value: 'Pushdeck local APNs emulator' },
    { name: 'organizationName', value: 'Pushdeck' }
  ]
  cert.setSubject(name)
  cert.setIssuer(name)
  cert.setExtensions([
    // A leaf, not a CA: clients trust this exact certificate, nothing it could sign.
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 2, value: 'localhost' }, // dNSName
        { type: 7, ip: '127.0.0.1' } // iPAddress
      ]
    },
    { name: 'subjectKeyIdentifier' }
  ])
  cert.sign(keys.privateKey, forge.md.sha256.create())

  return {
    keyPem: forge.pki.privateKeyToPem(keys.privateKey),
    certPem: forge.pki.certificateToPem(cert)
  }
}

/** 16 random bytes as hex with the top bit cleared: DER serials are signed and must be positive. */
function randomPositiveSerial(): string {
  const bytes = forge.random.getBytesSync(16)
  const hex = forge.util.bytesToHex(bytes)
  const first = (parseInt(hex.slice(0, 2), 16) & 0x7f).toString(16).padStart(2, '0')
  return first + hex.slice(2)
}
