import QRCode from 'qrcode'

/**
 * A QR code as an SVG data URL, shown with <img>: the CSP allows data: images, and an <img>
 * cannot run anything the SVG might hold.
 */
export async function qrCodeDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}
