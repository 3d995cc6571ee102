import { z } from 'zod'

/** A credential as kept on disk: metadata in the clear, the private key sealed by the SecretBox. */
const tokenCredentialSchema = z.object({
  id: z.string(),
  kind: z.literal('token'),
  label: z.string(),
  keyId: z.string(),
  teamId: z.string(),
  createdAt: z.string(),
  demo: z.boolean(),
  sealedPrivateKey: z.string(),
  publicKeyPem: z.string()
})

const certificateCredentialSchema = z.object({
  id: z.string(),
  kind: z.literal('certificate'),
  label: z.string(),
  createdAt: z.string(),
  demo: z.boolean(),
  subject: z.string(),
  bundleId: z.string(),
  teamId: z.string().nullable(),
  topics: z.array(z.object({ topic: z.string(), pushTypes: z.array(z.string()) })),
  environments: z.array(z.enum(['sandbox', 'production'])),
  notBefore: z.string(),
  notAfter: z.string(),
  fingerprint: z.string(),
  importNotes: z.array(z.string()),
  /** The certificate is public; only its key is sealed. */
  certPem: z.string(),
  sealedPrivateKey: z.string()
})

export const storedCredentialSchema = z.discriminatedUnion('kind', [tokenCredentialSchema, certificateCredentialSchema])
export type StoredCredential = z.infer<typeof storedCredentialSchema>
export type StoredTokenCredential = z.infer<typeof tokenCredentialSchema>
export type StoredCertificateCredential = z.infer<typeof certificateCredentialSchema>
export const storedCredentialsSchema = z.array(storedCredentialSchema)
