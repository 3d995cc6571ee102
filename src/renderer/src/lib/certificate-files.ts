import { MAX_KEY_FILE_BYTES } from '../../../shared/ipc'

/**
 * Which files the "Add certificate" form holds after a pick or a drop. A .p12 is complete on its
 * own; a certificate and its key may come from two picks (they often sit in different folders).
 */
export const MAX_CERTIFICATE_FILES = 2

const BUNDLE = /\.(p12|pfx)$/i

export function mergeCertificateFiles(current: File[], added: File[]): { files: File[]; problem: string | null } {
  if (added.length === 0) return { files: current, problem: null }
  if (added.length > MAX_CERTIFICATE_FILES) {
    return { files: current, problem: `${added.length} files were given; choose a .p12, or a certificate and its private key (2 files at most).` }
  }
  const tooBig = added.find((f) => f.size > MAX_KEY_FILE_BYTES)
  if (tooBig) {
    return { files: current, problem: `${tooBig.name} is ${Math.ceil(tooBig.size / 1024)} KB; a push certificate or key file is a few KB, so this is probably another file.` }
  }
  const single = added[0]!
  const appendable = added.length === 1 && current.length === 1 && !BUNDLE.test(single.name) && !BUNDLE.test(current[0]!.name) && current[0]!.name !== single.name
  return { files: appendable ? [...current, single] : added, problem: null }
}
