import type { Plugin } from 'vite'

/**
 * Selah's Content Security Policy: everything from its own origin, nothing inline, no eval.
 * Briefings and backups are untrusted text rendered by interpolation; if that ever slipped,
 * this policy still refuses to run or load anything they smuggle in.
 * - img-src data: blob: covers small images Vite inlines and object URLs (downloads);
 * - style-src 'self' only: Vue sets :style through the CSSOM, which CSP does not block;
 * - worker-src 'self' is the service worker; connect-src 'self' the feed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-src 'none'",
].join('; ')

/** For a response header only: browsers ignore frame-ancestors in a <meta> policy (and say so in the console). */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`

/** The policy as a <meta> tag (the policy holds no double quote or ampersand, so it needs no escaping). */
export const CONTENT_SECURITY_POLICY_META = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`

/**
 * Writes the policy into the built index.html as a <meta http-equiv>, so it holds on any static
 * host: right after <meta charset>, before any script or stylesheet it must govern. Build only:
 * the dev server injects inline styles and scripts for hot reloading.
 */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'selah:content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const charset = /<meta charset=[^>]*>/i
        if (!charset.test(html)) throw new Error('index.html needs a <meta charset> for the security policy to follow')
        return html.replace(charset, match => `${match}\n    ${CONTENT_SECURITY_POLICY_META}`)
      },
    },
  }
}
