/**
 * Saves a file the browser downloads: a Blob behind a temporary object URL and an `<a download>`
 * clicked once. Everything happens on the device; nothing is uploaded.
 */
export function downloadBlob(fileName: string, file: Blob): void {
  const url = URL.createObjectURL(file)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.hidden = true
  document.body.append(link)
  try {
    link.click()
  }
  finally {
    link.remove()
    // Some browsers start reading the URL only after click() returns, so revoke it a little later.
    setTimeout(() => URL.revokeObjectURL(url), 40_000)
  }
}

/** Saves text as a downloaded file (the prayer book). */
export function downloadText(fileName: string, text: string, mime = 'application/json'): void {
  downloadBlob(fileName, new Blob([text], { type: `${mime};charset=utf-8` }))
}
