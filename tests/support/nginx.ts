/**
 * Runs the project's own nginx config (`deploy/nginx/edition.conf`) on a loopback port, serving
 * `dist/` under a base path, as an intranet server would. Only the port, the root and the base
 * path change; everything else is the shipped file.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { freePort } from './free-port.ts';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';
const CONFIG = resolve('deploy/nginx/edition.conf');

export interface RunningServer {
  /** `http://127.0.0.1:PORT/base/` */
  origin: string;
  baseUrl: string;
  port: number;
  /** Requests served so far: path, status, bytes sent (headers and body, as on the wire) and body bytes. */
  requests(): { path: string; status: number; bytes: number; body: number }[];
  stop(): Promise<void>;
}

/** The shipped server block with the port, root and base path of this run. */
export function configure(config: string, port: number, root: string, base: string): string {
  return config
    .split('\n')
    .map((line) => {
      if (line.includes('# edition:listen')) return line.replace(/listen\s+\d+/, `listen 127.0.0.1:${port}`);
      if (line.includes('# edition:root')) return line.replace(/root\s+[^;]+/, `root ${root}`);
      if (line.includes('# edition:base'))
        return line.replace(/(location\s+)\/(\s)/, `$1${base}$2`).replace(/(error_page\s+404\s+)\//, `$1${base}`);
      return line;
    })
    .join('\n');
}

/** Starts nginx serving `distDir` under `base`; fails with a message that says how to get nginx. */
export interface NginxOptions {
  /** Send the CSP header as the shipped config does (default), or leave pages to their meta tag. */
  cspHeader?: boolean;
}

/**
 * The shipped server block for several sites under one host: its `location` block once per
 * base path, as an administrator hosting several editions writes it (see the README).
 */
export function configureHost(config: string, port: number, root: string, bases: readonly string[]): string {
  const lines = config.split('\n');
  const start = lines.findIndex((l) => /location\s+\/\s+\{.*# edition:base/.test(l));
  let depth = 0;
  let end = start;
  for (; end < lines.length; end++) {
    depth += (lines[end]!.match(/\{/g) ?? []).length - (lines[end]!.match(/\}/g) ?? []).length;
    if (depth === 0) break;
  }
  const block = lines.slice(start, end + 1).join('\n');
  const one = (base: string) => configure(block, port, root, base);
  return configure([...lines.slice(0, start), ...bases.map(one), ...lines.slice(end + 1)].join('\n'), port, root, '/');
}

export async function startNginx(distDir: string, base: string, options: NginxOptions = {}): Promise<RunningServer> {
  if (!existsSync(join(distDir, 'index.html')))
    throw new Error(`${distDir} 里没有构建好的网站：先运行 npm run build（npm test 会先构建）。`);
  const www = mkdtempSync(join(tmpdir(), 'edition-www-'));
  chmodSync(www, 0o755);
  mkdirSync(join(www, base), { recursive: true });
  cpSync(distDir, join(www, base), { recursive: true });
  const server = await startNginxHost(www, [base], options);
  return { ...server, stop: async () => (await server.stop(), rmSync(www, { recursive: true, force: true })) };
}

/** Starts nginx serving the web root `www` (sites already laid out in it) under each of `bases`. */
export async function startNginxHost(www: string, bases: readonly string[], options: NginxOptions = {}): Promise<RunningServer> {
  if (!existsSync(NGINX))
    throw new Error(
      `没有找到 nginx（${NGINX}）。浏览器测试需要真实的 Web 服务器：运行 apt-get install -y nginx，或设置 NGINX=/path/to/nginx。`,
    );
  const prefix = mkdtempSync(join(tmpdir(), 'edition-nginx-'));
  // nginx started as root serves files as an unprivileged worker: let it read the site.
  chmodSync(prefix, 0o755);
  const root = resolve(www);
  for (let dir = root; dir !== '/'; dir = dirname(dir)) chmodSync(dir, statSync(dir).mode | 0o005);
  mkdirSync(join(prefix, 'logs'));
  const port = await freePort();
  let server = configureHost(readFileSync(CONFIG, 'utf8'), port, root, bases);
  if (options.cspHeader === false) server = server.replace(/^\s*add_header Content-Security-Policy .*$/gm, '');
  writeFileSync(
    join(prefix, 'nginx.conf'),
    [
      'worker_processes 1;',
      'error_log logs/error.log warn;',
      'pid logs/nginx.pid;',
      'events { worker_connections 256; }',
      'http {',
      "  log_format edition '$status $bytes_sent $body_bytes_sent $request_uri';",
      '  access_log logs/access.log edition;',
      '  default_type application/octet-stream;',
      `  client_body_temp_path ${prefix}/tmp-body;`,
      `  proxy_temp_path ${prefix}/tmp-proxy;`,
      `  fastcgi_temp_path ${prefix}/tmp-fastcgi;`,
      `  uwsgi_temp_path ${prefix}/tmp-uwsgi;`,
      `  scgi_temp_path ${prefix}/tmp-scgi;`,
      server,
      '}',
    ].join('\n'),
  );
  const test = spawnSync(NGINX, ['-t', '-p', prefix, '-c', join(prefix, 'nginx.conf')], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx 配置无效：\n${test.stderr}`);
  const child: ChildProcess = spawn(NGINX, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      const response = await fetch(origin + bases[0]);
      if (response.ok) break;
    } catch {
      // not up yet
    }
    if (child.exitCode !== null) throw new Error(`nginx 退出了：${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    origin,
    baseUrl: origin + bases[0],
    port,
    requests() {
      const log = join(prefix, 'logs/access.log');
      if (!existsSync(log)) return [];
      return readFileSync(log, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [status, bytes, body, ...path] = line.split(' ');
          return { status: Number(status), bytes: Number(bytes), body: Number(body), path: path.join(' ') };
        });
    },
    async stop() {
      child.kill('SIGQUIT');
      await new Promise((r) => child.once('exit', r));
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
