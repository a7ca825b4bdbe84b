import { describe, expect, it } from 'vitest'
import { installPlatform } from '~/utils/install-platform'

const ua = {
  iPhone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  iPadChrome: 'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0 Mobile/15E148 Safari/604.1',
  macSafari: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  macChrome: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  androidFirefox: 'Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0',
  androidChrome: 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36',
}

describe('installPlatform', () => {
  it('tells the ways a browser installs a web app apart', () => {
    const at = (userAgent: string, maxTouchPoints = 0, standalone = false) => installPlatform({ userAgent, maxTouchPoints, standalone })
    expect(at(ua.iPhone)).toBe('ios')
    expect(at(ua.iPadChrome, 5)).toBe('ios')
    // iPadOS's Safari says "Macintosh": only its touch screen gives it away.
    expect(at(ua.macSafari, 5)).toBe('ios')
    expect(at(ua.macSafari)).toBe('mac-safari')
    expect(at(ua.macChrome)).toBe('other')
    expect(at(ua.androidFirefox, 5)).toBe('android-firefox')
    expect(at(ua.androidChrome, 5)).toBe('other')
    expect(at(ua.iPhone, 5, true)).toBe('installed')
  })
})
