/**
 * Runs Apache 2.4 (Debian's /usr/sbin/apache2) on a loopback port with a minimal main config
 * of our own, as an administrator would set up a virtual host for the edition: the modules the
 * shipped `deploy/apache/.htaccess` needs (mime, headers, dir; deflate with filter, as most
 * installations have it; rewrite, for the pre-compressed files), the system's /etc/mime.types, `AllowOverride All` on the web root and
 * the stock rule that keeps `.ht*` files private. Everything else, types, charset, headers, cache
 * rules, the 404 page, downloads, comes from the `.htaccess` the build copies into the site.
 *
 * A site under a sub-path gets its `.htaccess` edited as the README tells an administrator to:
 * the ErrorDocument line points at the sub-path's 404 page.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { freePort } from './free-port.ts';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const APACHE = process.env.APACHE ?? '/usr/sbin/apache2';
const MODULES = process.env.APACHE_MODULES ?? '/usr/lib/apache2/modules';
/**
 * The modules the site needs, and those a stock Debian install has on that it uses (rewrite is
 * not on by default; the README recommends it, for the pre-compressed files).
 */
const LOAD = ['mpm_event', 'authz_core', 'mime', 'headers', 'dir', 'alias', 'filter', 'deflate', 'rewrite'];

export interface RunningApache {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** The first site's address, `http://127.0.0.1:PORT/base/`. */
  baseUrl: string;
  /** Apache's error log so far (a failing test prints it). */
  errorLog(): string;
  stop(): Promise<void>;
}

/** The shipped `.htaccess` with its ErrorDocument line for a site under `base`, as the README says. */
export function htaccessFor(htaccess: string, base: string): string {
  return htaccess.replace(/^ErrorDocument 404 \/404\.html$/m, `ErrorDocument 404 ${base}404.html`);
}

/**
 * Copies built sites into a new web root, each under its base path, with its `.htaccess`
 * edited for that path. Returns the web root.
 */
export function webRoot(sites: readonly { dist: string; base: string }[]): string {
  const www = mkdtempSync(join(tmpdir(), 'edition-apache-www-'));
  for (const { dist, base } of sites) {
    if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} 里没有构建好的网站：先运行 npm run build（npm test 会先构建）。`);
    const target = join(www, base);
    mkdirSync(target, { recursive: true });
    cpSync(dist, target, { recursive: true });
    const htaccess = join(target, '.htaccess');
    if (!existsSync(htaccess)) throw new Error(`${dist} 里没有 .htaccess：构建应把 deploy/apache/.htaccess 复制到网站根目录。`);
    writeFileSync(htaccess, htaccessFor(readFileSync(htaccess, 'utf8'), base));
  }
  return www;
}

export interface ApacheOptions {
  /** Modules of `LOAD` left out, to see the site on a server that lacks them (`['rewrite']`). */
  without?: readonly string[];
  /** Whether the administrator opted in to the pre-compressed files (`Define EDITION_PRECOMPRESSED`); default yes. */
  precompressed?: boolean;
  /** An `Options` line for the web root, e.g. `None` for a hardened server. */
  directoryOptions?: string;
}

/** Starts Apache serving the web root `www`; `base` is where the first site is, for the ready check. */
export async function startApache(www: string, base = '/', options: ApacheOptions = {}): Promise<RunningApache> {
  if (!existsSync(APACHE))
    throw new Error(`没有找到 Apache（${APACHE}）。Apache 测试需要真实的服务器：运行 apt-get install -y apache2，或设置 APACHE=/path/to/apache2。`);
  const prefix = mkdtempSync(join(tmpdir(), 'edition-apache-'));
  chmodSync(prefix, 0o755);
  // Apache started as root serves as www-data: let it read the site.
  const root = resolve(www);
  for (let dir = root; dir !== '/'; dir = dirname(dir)) chmodSync(dir, statSync(dir).mode | 0o005);
  spawnSync('chmod', ['-R', 'o+rX', root]);
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const config = [
    `ServerRoot "${prefix}"`,
    'ServerName 127.0.0.1',
    `Listen 127.0.0.1:${port}`,
    `PidFile "${prefix}/httpd.pid"`,
    `Mutex file:${prefix} default`,
    `ErrorLog "${prefix}/error.log"`,
    'LogLevel warn',
    ...LOAD.filter((m) => !options.without?.includes(m)).map((m) => `LoadModule ${m}_module ${MODULES}/mod_${m}.so`),
    // The administrator's word that the directory allows mod_rewrite (deploy/apache/.htaccess).
    ...(options.precompressed === false || options.without?.includes('rewrite') ? [] : ['Define EDITION_PRECOMPRESSED']),
    ...(asRoot ? ['User www-data', 'Group www-data'] : []),
    'TypesConfig /etc/mime.types',
    `DocumentRoot "${root}"`,
    '<Directory />',
    '    AllowOverride None',
    '    Require all denied',
    '</Directory>',
    `<Directory "${root}">`,
    ...(options.directoryOptions ? [`    Options ${options.directoryOptions}`] : []),
    '    AllowOverride All',
    '    Require all granted',
    '</Directory>',
    '<FilesMatch "^\\.ht">',
    '    Require all denied',
    '</FilesMatch>',
    'StartServers 1',
    'ServerLimit 1',
    'ThreadsPerChild 16',
    'MaxRequestWorkers 16',
    '',
  ].join('\n');
  writeFileSync(join(prefix, 'httpd.conf'), config);
  const check = spawnSync(APACHE, ['-t', '-f', join(prefix, 'httpd.conf')], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`Apache 配置无效：\n${check.stderr}`);
  const child: ChildProcess = spawn(APACHE, ['-f', join(prefix, 'httpd.conf'), '-DFOREGROUND'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  const origin = `http://127.0.0.1:${port}`;
  const errorLog = () => (existsSync(join(prefix, 'error.log')) ? readFileSync(join(prefix, 'error.log'), 'utf8') : '') + stderr;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(origin + base)).ok) break;
    } catch {
      // not up yet
    }
    if (child.exitCode !== null || i > 200) throw new Error(`Apache 没有启动：${errorLog()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    origin,
    baseUrl: origin + base,
    errorLog,
    async stop() {
      // SIGTERM: Apache stops at once, its children with it.
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
