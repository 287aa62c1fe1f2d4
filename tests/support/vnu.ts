/**
 * The Nu HTML Checker (vnu, the checker behind validator.w3.org/nu), run from the `vnu-jar`
 * package on Java 17+: all files in one JVM (start-up costs seconds), JSON out. Without Java the
 * tests fail and say how to install it; they are never skipped.
 *
 * And the noise it reports on this site that is not a fault of the pages, each filtered by the
 * exact message and a check of the page itself, never by a broad pattern. See `NOISE`.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface VnuMessage {
  /** `error`, `info` (with subType `warning` for warnings) or `non-document-error` (I/O). */
  type: string;
  subType?: string;
  /** `file:/…/page.html`. */
  url?: string;
  message: string;
  extract?: string;
  lastLine?: number;
  lastColumn?: number;
}

/** The checker's jar, from the vnu-jar package. */
export function vnuJar(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');
}

/** Checks every file in one run of the checker; returns all its messages. */
export function runVnu(files: readonly string[]): VnuMessage[] {
  const run = spawnSync('java', ['-jar', vnuJar(), '--format', 'json', '--stdout', '--exit-zero-always', ...files], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.error && (run.error as NodeJS.ErrnoException).code === 'ENOENT')
    throw new Error('没有找到 Java，Nu HTML Checker 无法运行。在 Debian/Ubuntu 上运行 apt-get install -y default-jre-headless（需要 Java 17 或更新版本）。');
  if (run.error) throw run.error;
  if (run.status !== 0 || !run.stdout.trim().startsWith('{'))
    throw new Error(`Nu HTML Checker 运行失败（退出码 ${run.status}）：${(run.stderr || run.stdout).slice(0, 2000)}`);
  return (JSON.parse(run.stdout) as { messages: VnuMessage[] }).messages;
}

/** A page as the filters see it: its HTML and where it is served under the site's base path. */
export interface CheckedPage {
  html: string;
  base: string;
}

/** The page's CSP (from its meta tag), directive → sources. */
export function metaCsp(html: string): Map<string, string[]> {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/i.exec(html)?.[1] ?? '';
  const policy = new Map<string, string[]>();
  for (const part of content.replace(/&#39;/g, "'").split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/** An inline `<script>` or `<style>` element of a page, found where vnu points: at its start tag's `>`. */
export interface InlineElement {
  tag: 'script' | 'style';
  /** The start tag's attributes, as written. */
  attributes: string;
  content: string;
}

export function inlineElementAt(html: string, line: number, column: number): InlineElement | undefined {
  for (const m of html.matchAll(/<(script|style)\b([^>]*)>([\s\S]*?)<\/\1>/gi)) {
    const end = m.index + m[0].indexOf('>');
    const before = html.slice(0, end);
    const tagLine = before.split('\n').length;
    const tagColumn = end - before.lastIndexOf('\n');
    if (tagLine === line && tagColumn === column) return { tag: m[1]!.toLowerCase() as 'script' | 'style', attributes: m[2]!, content: m[3]! };
  }
  return undefined;
}

/** The page's text around a line and column vnu reports (its extract is cut at 30 characters). */
export function textAround(html: string, line: number, column: number, before = 40, after = 20): string {
  const text = html.split('\n')[line - 1] ?? '';
  return text.slice(Math.max(0, column - 1 - before), column - 1 + after);
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** A `type` that makes a `<script>` a data block: JSON, which no browser runs. */
const DATA_BLOCK = /\btype=["']?application\/(?:ld\+)?json["']?/i;

export interface Noise {
  name: string;
  /** Why it is not a fault of the page. */
  why: string;
  matches: (message: VnuMessage, page: CheckedPage) => boolean;
}

/**
 * What vnu reports that is not a fault of the pages. Each entry names the exact message and
 * checks the page that the reason holds for this very message.
 */
export const NOISE: Noise[] = [
  {
    name: "CSP 'self' read from disk",
    why:
      "vnu reads each page from a file: URL, so the page's origin is not the web site's and 'self' in the CSP meta tag " +
      "cannot match the site's own /_astro/… files. Served over HTTP they are same-origin (the browser tests load every " +
      'page behind nginx and fail on any CSP violation). Taken only for a site path under the base and a directive that allows \'self\'.',
    matches: (m, page) => {
      const hit = /^Resource violates Content Security Policy \(meta tag\): external (?:script|stylesheet) “([^”]+)” blocked by “(script-src|style-src)” directive\.$/.exec(
        m.message,
      );
      if (!hit) return false;
      const [, resource, directive] = hit;
      const sources = metaCsp(page.html).get(directive!) ?? metaCsp(page.html).get('default-src') ?? [];
      return resource!.startsWith(page.base) && !resource!.startsWith('//') && sources.includes("'self'");
    },
  },
  {
    name: 'CSS ::highlight()',
    why:
      'The CSS Custom Highlight API’s ::highlight(name) pseudo-element (CSS Pseudo-Elements Level 4, in Chromium 105+) is unknown to ' +
      'vnu’s CSS parser, which reports a parse error where it appears (the offline file inlines the site’s stylesheet). ' +
      'Taken only where the page has a ::highlight( ) selector at the place reported.',
    // vnu points at the `)` that closes `::highlight(name)`.
    matches: (m, page) =>
      m.type === 'error' &&
      m.message === 'CSS: Parse Error.' &&
      m.lastLine !== undefined &&
      m.lastColumn !== undefined &&
      /::highlight\([\w-]+\)$/.test(textAround(page.html, m.lastLine, m.lastColumn, 60, 1)),
  },
  {
    name: 'CSS line-clamp',
    why:
      'line-clamp is the standard property of CSS Overflow Module Level 4 (written after -webkit-line-clamp, which older ' +
      'browsers use); vnu’s CSS profile predates it. Taken only for this exact message.',
    matches: (m) => m.type === 'error' && m.message === 'CSS: “line-clamp”: Property “line-clamp” doesn\'t exist.',
  },
  {
    name: 'CSP hash of content ending in a newline',
    why:
      'vnu’s own hash check of inline content differs from browsers where the content ends in a newline. Taken only when ' +
      'this test computes the element’s SHA-256 itself, as browsers do (over the exact text), and finds it in the directive.',
    matches: (m, page) => {
      const hit = /^Inline (script|style) violates Content Security Policy \(meta tag\): blocked by “(script-src|style-src)” directive/.exec(m.message);
      if (!hit || m.lastLine === undefined || m.lastColumn === undefined) return false;
      const element = inlineElementAt(page.html, m.lastLine, m.lastColumn);
      if (!element || element.tag !== hit[1] || !element.content.endsWith('\n')) return false;
      return (metaCsp(page.html).get(hit[2]!) ?? []).includes(sha256(element.content));
    },
  },
  {
    name: 'JSON data block',
    why:
      'A <script type="application/ld+json"> or "application/json" is a data block: browsers never run it, and CSP’s script-src ' +
      'governs scripts that run (HTML: preparing a script element stops at a data block before any CSP check). vnu counts ' +
      'it as an inline script. Taken only for a <script> whose type is JSON.',
    matches: (m, page) => {
      if (!m.message.startsWith('Inline script violates Content Security Policy (meta tag)')) return false;
      if (m.lastLine === undefined || m.lastColumn === undefined) return false;
      const element = inlineElementAt(page.html, m.lastLine, m.lastColumn);
      return element?.tag === 'script' && DATA_BLOCK.test(element.attributes);
    },
  },
];

/**
 * What counts against a page: errors (and the checker's own failures to read it), and warnings
 * about its Content Security Policy, which would block a script or a stylesheet. Other warnings
 * are advice on style (heading levels) and are not counted.
 */
export const counts = (m: VnuMessage) => m.type === 'error' || m.type === 'non-document-error' || m.message.includes('Content Security Policy');

/** The name of the noise a message is, if any. */
export function noiseOf(message: VnuMessage, page: CheckedPage): string | undefined {
  return NOISE.find((n) => n.matches(message, page))?.name;
}

export const describeMessage = (m: VnuMessage) => `${m.lastLine ?? '?'}:${m.lastColumn ?? '?'} ${m.type}${m.subType ? `/${m.subType}` : ''}: ${m.message} [${(m.extract ?? '').replace(/\s+/g, ' ')}]`;
