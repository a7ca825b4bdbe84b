/**
 * What "Share" sends: the request's words and its scripture, never its notes or anything written
 * about it. Only the person's own tap on Share or Copy ever takes it off the device.
 */
export function shareText(text: string, reference: string | null): string {
  return [`Please pray with me: ${text}`, reference ? `(${reference})` : ''].filter(Boolean).join(' ')
}

/** The system share sheet where the browser has one (phones, mostly). */
export function canShare(data: ShareData): boolean {
  return typeof navigator.share === 'function' && (typeof navigator.canShare !== 'function' || navigator.canShare(data))
}
