/**
 * The Content-Security-Policy of the app window and the web host. The renderer loads nothing
 * remote: fonts arrive as bytes through the HostApi, images as data: or blob: URLs. Its only
 * connections beyond the host are the collaboration server's WebSockets: plain ws:// on loopback,
 * wss:// anywhere (the server refuses plain ws:// beyond loopback too), and its page directory
 * (`/pages`, over the same rule: http:// on loopback, https:// anywhere).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' blob: data:",
  "img-src 'self' blob: data:",
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:* wss: http://127.0.0.1:*/pages http://localhost:*/pages https://*:*/pages",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The dev server (electron-vite dev, vite) injects an inline React Refresh preamble and talks to its
 * HMR socket, so development relaxes exactly those two directives. Never used in a build.
 */
export const DEV_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");

/** The collaboration server's sockets the window may open (the same rule as connect-src above). */
export function isCollabSocketUrl(url: string): boolean {
  return url.startsWith('wss://') || /^ws:\/\/(127\.\d+\.\d+\.\d+|localhost)(:\d+)?\//.test(url);
}

/** The collaboration server's page directory the window may ask (the same rule as connect-src above). */
export function isPageDirectoryUrl(url: string): boolean {
  return /^(https:\/\/[^/?#]+|http:\/\/(127\.\d+\.\d+\.\d+|localhost)(:\d+)?)\/pages$/.test(url);
}
