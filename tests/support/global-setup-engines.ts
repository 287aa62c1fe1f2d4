/**
 * For the engine tests (tests/engines/): the project's nginx config serving the built site, as
 * for the Chromium suite; an X display (Xvfb) for WebKitGTK, which has no headless mode; a GTK
 * style for MiniBrowser; and an HTTP proxy that sends the intranet host name to the loopback,
 * for a plain-HTTP origin that is not a secure context in Firefox and WebKit (Chromium maps the
 * name with a resolver rule). Everything is stopped afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { basePath } from '../../src/site/base-path.ts';
import { startNginx, type RunningServer } from './nginx.ts';
import { DIST } from './site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    base: string;
    display: string;
    gtkConfig: string;
    proxy: string;
  }
}

const XVFB = process.env.XVFB ?? 'Xvfb';

let server: RunningServer | undefined;
let xvfb: ChildProcess | undefined;
let proxy: http.Server | undefined;
let gtkConfig: string | undefined;

/** Starts Xvfb on a display number it picks itself, and resolves with `:N`. */
function startXvfb(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(XVFB, ['-displayfd', '3', '-screen', '0', '1920x1200x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    xvfb = child;
    let stderr = '';
    let out = '';
    child.stderr!.on('data', (d) => (stderr += d));
    child.once('error', () => reject(new Error(`没有找到 Xvfb：WebKit 测试需要虚拟显示，运行 apt-get install -y xvfb。`)));
    child.once('exit', (code) => reject(new Error(`Xvfb 退出了（${code}）：${stderr}`)));
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
  });
}

/** A forward proxy for plain HTTP that sends every request to the same port on the loopback. */
function startProxy(): Promise<http.Server> {
  const s = http.createServer((request, response) => {
    const target = new URL(request.url ?? '/', 'http://invalid');
    const upstream = http.request(
      { host: '127.0.0.1', port: target.port || 80, path: target.pathname + target.search, method: request.method, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', (error) => {
      response.writeHead(502);
      response.end(String(error));
    });
    request.pipe(upstream);
  });
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve(s)));
}

export async function setup(project: TestProject) {
  const base = basePath(process.env.BASE_PATH);
  server = await startNginx(DIST, base);
  project.provide('baseUrl', server.baseUrl);
  project.provide('base', base);
  project.provide('display', await startXvfb());
  // MiniBrowser's toolbar keeps its window at least 447 px wide; with this style it shrinks,
  // so the page can be given a phone's 360 px. Only GTK's own widgets are styled, not the page.
  gtkConfig = mkdtempSync(join(tmpdir(), 'edition-gtk-'));
  mkdirSync(join(gtkConfig, 'gtk-3.0'));
  writeFileSync(join(gtkConfig, 'gtk-3.0/gtk.css'), '* { font-size: 1px; padding: 0; margin: 0; min-width: 0; min-height: 0; border-width: 0; }\n');
  project.provide('gtkConfig', gtkConfig);
  proxy = await startProxy();
  const address = proxy.address();
  project.provide('proxy', `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
}

export async function teardown() {
  proxy?.closeAllConnections();
  proxy?.close();
  xvfb?.removeAllListeners('exit');
  xvfb?.kill();
  if (gtkConfig) rmSync(gtkConfig, { recursive: true, force: true });
  await server?.stop();
}
