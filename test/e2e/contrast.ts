/** WCAG contrast between two computed CSS colours ("rgb(r, g, b)" or opaque "rgba(…, 1)"). */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)]
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
}

export function isOpaque(color: string): boolean {
  const alpha = parse(color)[3]
  return alpha === undefined || alpha === 1
}

function luminance(color: string): number {
  const [r, g, b] = parse(color).map((v) => v / 255) as [number, number, number]
  const linear = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

function parse(color: string): number[] {
  const match = /^rgba?\(([^)]+)\)$/.exec(color.trim())
  if (!match) throw new Error(`Not an rgb() colour: ${color}`)
  const parts = match[1]!.split(/[\s,/]+/).filter(Boolean).map(Number)
  // rgba() alpha is 0..1; keep it as is at index 3.
  return parts
}
