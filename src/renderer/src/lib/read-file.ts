/** Reads a picked or dropped file as base64, the form the key contract takes ({fileName, base64}). */
export function readFileAsBase64(file: File): Promise<{ fileName: string; base64: string }> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      // readAsDataURL gives "data:<type>;base64,<data>"; only the data part is wanted.
      const url = String(reader.result)
      resolve({ fileName: file.name, base64: url.slice(url.indexOf(',') + 1) })
    }
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}.`))
    reader.readAsDataURL(file)
  })
}
