/**
 * Starts the project's nginx config on a loopback port for the whole test run, serving the built
 * site (`dist/`, or the folder `DIST` names) under BASE_PATH (the same variable the build read), and stops it afterwards.
 */
import type { TestProject } from 'vitest/node';
import { basePath } from '../../src/site/base-path.ts';
import { startNginx, type RunningServer } from './nginx.ts';
import { DIST } from './site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    base: string;
  }
}

let server: RunningServer | undefined;

export async function setup(project: TestProject) {
  const base = basePath(process.env.BASE_PATH);
  server = await startNginx(DIST, base);
  project.provide('baseUrl', server.baseUrl);
  project.provide('base', base);
}

export async function teardown() {
  await server?.stop();
}
