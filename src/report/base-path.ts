/**
 * Normalizes the sub-path the site is served under: `reports/cixi-2021` and
 * `/reports/cixi-2021/` both become `/reports/cixi-2021/`; nothing becomes `/`.
 */
export function basePath(value: string | undefined): string {
  const trimmed = (value ?? '').trim().replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '/';
  if (!/^[A-Za-z0-9._~\-/]+$/.test(trimmed))
    throw new Error(
      `BASE_PATH “${value}” 含有不能用于网址路径的字符。请只用字母、数字和 - _ . ~ /，例如 BASE_PATH=/reports/cixi-2021/。`,
    );
  return `/${trimmed}/`;
}
