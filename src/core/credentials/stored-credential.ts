import { z } from 'zod'

/** A credential as kept on disk: metadata in the clear, the private key sealed by the SecretBox. */
export const storedCredentialSchema = z.object({
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
export type StoredCredential = z.infer<typeof storedCredentialSchema>
export const storedCredentialsSchema = z.array(storedCredentialSchema)
