/**
 * Honest dependencies: whatever the build runs imports only packages in `dependencies` (a
 * production install, `npm ci --omit=dev`, must build the site), and the scripts and tests import
 * only packages package.json declares. Imports are read by esbuild, not by regexes: it compiles
 * each file as TypeScript with the project's tsconfig (`verbatimModuleSyntax`), so `import type`
 * is dropped as it is at build time, and it reports every static import, re-export and dynamic
 * `import('literal')`. An `.astro` file's frontmatter and `<script>` bodies are read the same way.
 * Declared packages nothing imports are reported after the tests, not failed: some are commands
 * (`tsc`, `vnu`) or type packages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** Files the build runs, and files only development runs. */
const BUILD = { dirs: ['src'], files: ['astro.config.ts'] };
const DEV = { dirs: ['scripts', 'tests', 'content/tests'], files: ['vitest.config.ts'] };
const CODE = /\.(ts|mts|js|mjs|astro)$/;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'fixtures' ? [] : walk(path);
    return CODE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const filesOf = (set: { dirs: string[]; files: string[] }) => [...set.dirs.flatMap(walk), ...set.files];

/** The code of an `.astro` file: its frontmatter and the bodies of its `<script>` elements (not JSON data blocks). */
export function astroCode(source: string): string {
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1] ?? '';
  const scripts = [...source.matchAll(/<script(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  return [frontmatter, ...scripts].join('\n;\n');
}

/** Every import specifier of each file, as esbuild reads it: file → specifiers. */
async function importsOf(files: string[]): Promise<Map<string, Set<string>>> {
  const found = new Map<string, Set<string>>(files.map((f) => [resolve(f), new Set<string>()]));
  const record: Plugin = {
    name: 'record-imports',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        found.get(args.importer)?.add(args.path);
        return { path: args.path, external: true };
      });
      b.onLoad({ filter: /\.astro$/ }, (args) => ({ contents: astroCode(readFileSync(args.path, 'utf8')), loader: 'ts' }));
    },
  };
  await build({
    entryPoints: files,
    bundle: true,
    write: false,
    outdir: 'dependencies-check',
    format: 'esm',
    platform: 'neutral',
    tsconfig: 'tsconfig.json',
    logLevel: 'silent',
    plugins: [record],
  });
  return found;
}

/** The package a bare specifier names (`@scope/name`, `name`), or undefined for paths, builtins and Astro's virtual modules. */
export function packageOf(specifier: string): string | undefined {
  const path = specifier.replace(/\?.*$/, '');
  if (path.startsWith('.') || path.startsWith('/') || /^(node|astro|virtual):/.test(path)) return undefined;
  if (builtinModules.includes(path.split('/')[0]!)) return undefined;
  const [first, second] = path.split('/');
  return first!.startsWith('@') ? `${first}/${second}` : first;
}

/** `file: package` for each import whose package is not in `allowed`. */
export function undeclared(imports: Map<string, Set<string>>, allowed: Record<string, string>): string[] {
  const out: string[] = [];
  for (const [file, specifiers] of imports)
    for (const specifier of specifiers) {
      const name = packageOf(specifier);
      if (name && !(name in allowed)) out.push(`${relative(process.cwd(), file)}: ${name}`);
    }
  return out.sort();
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as PackageJson;
let buildImports: Map<string, Set<string>>;
let devImports: Map<string, Set<string>>;

beforeAll(async () => {
  [buildImports, devImports] = await Promise.all([importsOf(filesOf(BUILD)), importsOf(filesOf(DEV))]);
}, 60_000);

describe('what the build imports', () => {
  test('the reader sees the files: a known import of each kind is found', () => {
    const of = (file: string) => [...buildImports.get(resolve(file))!];
    expect(of('src/epub/build-epub.ts')).toContain('linkedom');
    // A dynamic import, an .astro frontmatter import and an .astro <script> import.
    expect(of('src/reader/reader.ts')).toContain('./behaviour.ts');
    expect(of('src/layouts/Base.astro')).toContain('../components/SiteHeader.astro');
    expect(of('src/layouts/Base.astro')).toContain('../reader/reader.ts');
    expect([...buildImports.values()].some((s) => s.has('astro:content'))).toBe(true);
    expect(buildImports.size).toBeGreaterThan(100);
  });

  test('import type is not an import', () => {
    // src/plugins/markdown-plugins.ts imports only types from ../report/correspondences.ts.
    expect([...buildImports.get(resolve('src/plugins/markdown-plugins.ts'))!]).not.toContain('../report/correspondences.ts');
  });

  test('every package the build imports is a dependency (a production install builds the site)', () => {
    expect(undeclared(buildImports, pkg.dependencies ?? {})).toEqual([]);
  });

  test('the check fails for a build package declared only for development (linkedom)', () => {
    const { linkedom, ...dependencies } = pkg.dependencies ?? {};
    expect(linkedom).toBeDefined();
    expect(undeclared(buildImports, dependencies)).toContain('src/epub/build-epub.ts: linkedom');
  });
});

describe('what development imports', () => {
  test('every package the scripts and tests import is declared', () => {
    expect(undeclared(devImports, { ...pkg.dependencies, ...pkg.devDependencies })).toEqual([]);
  });
});

// A report, not a check: declared packages nothing imports (commands and type packages among them).
afterAll(() => {
  const imported = new Set([...buildImports.values(), ...devImports.values()].flatMap((s) => [...s].map(packageOf).filter(Boolean)));
  const declared = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
  const kind = (name: string) => {
    if (name.startsWith('@types/')) return 'types';
    try {
      return (JSON.parse(readFileSync(join('node_modules', name, 'package.json'), 'utf8')) as { bin?: unknown }).bin ? 'a command' : 'not imported';
    } catch {
      return 'not installed';
    }
  };
  const unused = declared.filter((name) => !imported.has(name));
  console.info(`Declared but imported by no file (${unused.length}): ${unused.map((n) => `${n} (${kind(n)})`).join(', ')}`);
});
