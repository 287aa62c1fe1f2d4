/**
 * Reading and checking the built EPUB: its zip entries (in order, with how each is stored), its
 * files parsed with linkedom, and the two outside checkers, EPUBCheck (Java) and DAISY Ace
 * (Chromium). Never skips: without a checker the test fails and says how to install it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { parseHTML } from 'linkedom';
import { chromiumPath } from './browser.ts';
import { parseXml } from './xml.ts';

/** One entry of the zip's central directory, in the order the zip holds them. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  /** Length of the local header's extra field. */
  extraLength: number;
}

/** The local file headers of a zip, in order (enough for the OCF rules on `mimetype`). */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries: ZipEntry[] = [];
  let offset = 0;
  while (offset + 30 <= bytes.length && view.getUint32(offset, true) === 0x04034b50) {
    const method = view.getUint16(offset + 8, true);
    const compressed = view.getUint32(offset + 18, true);
    const nameLength = view.getUint16(offset + 26, true);
    const extraLength = view.getUint16(offset + 28, true);
    const name = strFromU8(bytes.subarray(offset + 30, offset + 30 + nameLength));
    entries.push({ name, method, extraLength });
    offset += 30 + nameLength + extraLength + compressed;
  }
  return entries;
}

export interface Book {
  path: string;
  bytes: Uint8Array;
  entries: ZipEntry[];
  /** Zip path → text (every file of the book is text). */
  files: Map<string, string>;
}

export function readBook(path: string): Book {
  const bytes = new Uint8Array(readFileSync(path));
  const files = new Map(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
  return { path, bytes, entries: zipEntries(bytes), files };
}

/** An XHTML file of the book as a DOM. Only void elements are self-closed, so an HTML parser reads it as XML would. */
export function xhtml(text: string): Document {
  return parseHTML(text).document as unknown as Document;
}

/** An XML file (package document, container) as a DOM; throws if it is not well-formed. */
export function xml(text: string, label?: string): Document {
  return parseXml(text, label);
}

/** The words of `epub:type` on an element. */
export function epubType(el: Element): string[] {
  return (el.getAttribute('epub:type') ?? '').split(/\s+/).filter(Boolean);
}

/** Writes the book's files under `dir` (fresh), for a browser to open them from disk. */
export function extract(book: Book, dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  for (const [name, text] of book.files) {
    const file = join(dir, name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return resolve(dir);
}

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const EPUBCHECK_JARS = [process.env.EPUBCHECK_JAR, '/usr/share/java/epubcheck.jar'];

export interface EpubcheckMessage {
  severity: 'FATAL' | 'ERROR' | 'WARNING' | 'INFO' | 'USAGE';
  id: string;
  message: string;
  locations: string[];
}

/** EPUBCheck's messages on a book, usage information included. */
export async function epubcheck(book: string, reportDir: string): Promise<EpubcheckMessage[]> {
  const jar = EPUBCHECK_JARS.find((p): p is string => !!p && existsSync(p));
  if (!jar)
    throw new Error('没有找到 EPUBCheck。在 Debian/Ubuntu 上运行 apt-get install -y default-jre-headless epubcheck，或设置 EPUBCHECK_JAR=/path/to/epubcheck.jar。');
  mkdirSync(reportDir, { recursive: true });
  const report = join(reportDir, 'epubcheck.json');
  rmSync(report, { force: true });
  const result = await run('java', ['-jar', jar, book, '--usage', '--json', report]);
  if (!existsSync(report)) throw new Error(`EPUBCheck 没有写出报告（退出码 ${result.code}）：${result.stderr || result.stdout}`);
  const json = JSON.parse(readFileSync(report, 'utf8')) as {
    messages: { severity: EpubcheckMessage['severity']; ID: string; message: string; locations: { path: string; line: number; column: number }[] }[];
  };
  return json.messages.map((m) => ({ severity: m.severity, id: m.ID, message: m.message, locations: m.locations.map((l) => `${l.path}:${l.line}:${l.column}`) }));
}

export interface AceViolation {
  impact: 'minor' | 'moderate' | 'serious' | 'critical';
  rule: string;
  document: string;
  detail: string;
}

/** DAISY Ace's violations on a book; it drives Debian's Chromium through its own Puppeteer. */
export async function ace(book: string, reportDir: string): Promise<{ outcome: string; violations: AceViolation[] }> {
  const cli = resolve('node_modules/.bin/ace-cli');
  if (!existsSync(cli)) throw new Error('没有找到 DAISY Ace（node_modules/.bin/ace-cli）：运行 npm ci 安装开发依赖。');
  rmSync(reportDir, { recursive: true, force: true });
  const result = await run(cli, ['--force', '--silent', '--outdir', reportDir, book], { PUPPETEER_EXECUTABLE_PATH: chromiumPath(), ACE_TIMEOUT_INITIAL: '60000' });
  const reportFile = join(reportDir, 'report.json');
  if (!existsSync(reportFile)) throw new Error(`DAISY Ace 没有写出报告（退出码 ${result.code}）：${result.stderr || result.stdout}`);
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as {
    'earl:result': { 'earl:outcome': string };
    assertions: {
      'earl:testSubject': { url: string };
      assertions?: { 'earl:test': { 'earl:impact': AceViolation['impact']; 'dct:title': string }; 'earl:result': { 'dct:description'?: string; html?: string } }[];
    }[];
  };
  const violations = report.assertions.flatMap((doc) =>
    (doc.assertions ?? []).map((a) => ({
      impact: a['earl:test']['earl:impact'],
      rule: a['earl:test']['dct:title'],
      document: doc['earl:testSubject'].url,
      detail: `${a['earl:result']['dct:description'] ?? ''} ${a['earl:result'].html ?? ''}`.trim().slice(0, 300),
    })),
  );
  return { outcome: report['earl:result']['earl:outcome'], violations };
}
