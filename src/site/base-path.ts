/**
 * The one way a site path is put under the base path, on the server and in the browser:
 * `joinBase('/reports/shili-2024', '/about/')` → `/reports/shili-2024/about/`. A base with or
 * without its trailing slash and a path with or without its leading one give one slash between.
 */
export function joinBase(base: string, path = ''): string {
  return base.replace(/\/?$/, '/') + path.replace(/^\//, '');
}

/**
 * Normalizes the sub-path the site is served under: `reports/shili-2024` and
 * `/reports/shili-2024/` both become `/reports/shili-2024/`; nothing becomes `/`.
 */
export function basePath(value: string | undefined): string {
  const trimmed = (value ?? '').trim().replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '/';
  if (!/^[A-Za-z0-9._~\-/]+$/.test(trimmed))
    throw new Error(
      `BASE_PATH “${value}” 含有不能用于网址路径的字符。请只用字母、数字和 - _ . ~ /，例如 BASE_PATH=/reports/shili-2024/。`,
    );
  return `/${trimmed}/`;
}
