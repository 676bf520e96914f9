/**
 * `returnTo` must be a path of this console's web app: it starts with one `/`, names no other
 * origin once resolved, is not an /api route, and holds no control characters. Anything else is
 * refused (undefined), so a sign-in link cannot send a freshly signed-in user elsewhere.
 */
export function safeReturnTo(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return '/';
  // Control characters and backslashes: browsers strip or rewrite them, which turns `/\t/x` into `//x`.
  // eslint-disable-next-line no-control-regex
  if (raw.length > 2000 || !raw.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(raw))
    return undefined;
  if (raw.startsWith('//')) return undefined;
  const base = 'http://console.invalid';
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return undefined;
  }
  if (url.origin !== base) return undefined;
  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}
