/**
 * Keeps Vite's preload helper out of the browser's code. Vite wraps every dynamic `import()` of
 * client code in `__vitePreload(() => import('x'), deps)`, a helper that preloads the imported
 * chunk's styles and imports, and bundles the helper (0.6 KB gzipped) into the first view's
 * script, even with `build.modulePreload: false` (vitejs/vite#13952, #18551). Here it has nothing
 * to do: a feature that loads on use loads its own styles (src/reader/stylesheet.ts), so every
 * dynamic import's deps list is empty. This plugin gives the `import()` back as written, after
 * Vite's transform, so the helper is never imported, and Rollup never bundles it.
 *
 * If that ever stops being true (a module loaded on use imports a stylesheet, which the helper
 * would have loaded with it), the build stops and says which, rather than ship a feature that
 * shows unstyled.
 */
import type { Plugin } from 'vite';

const HELPER = '__vitePreload';

/**
 * Vite's helper import and calls, as its `vite:build-import-analysis` transform writes them
 * (vite/dist/node/chunks/dep-*.js, `preloadMethod`): `(() => import('x'), deps)` for a plain
 * import, `(async () => { const {a} = await import('x');return { a }}, deps)` when the code
 * names what it uses, and `deps` is `__VITE_IS_MODERN__?__VITE_PRELOAD__:void 0`, with
 * `,import.meta.url` after it under a relative base. Only string URLs are wrapped.
 */
const HELPER_ID = '\0vite/preload-helper.js';
const HELPER_IMPORT = `import { ${HELPER} } from "${HELPER_ID}";`;
const URL_LITERAL = String.raw`(?:"[^"\\]*"|'[^'\\]*'|\x60[^\x60\\$]*\x60)`;
const CALL = new RegExp(
  String.raw`${HELPER}\((?:\(\) => |async \(\) => \{ const \{[^{}]*\} = await )(import\(${URL_LITERAL}[^()]*\))(?:;return \{[^{}]*\}\})?,__VITE_IS_MODERN__\?__VITE_PRELOAD__:void 0(?:,import\.meta\.url)?\)`,
  'g',
);

/** What became of a module's code. */
export interface Unwrapped {
  /** The code with every dynamic import as written and no helper import. */
  code: string;
  /** How many `import()` calls were given back. */
  count: number;
}

/**
 * `code` with Vite's preload wrapper taken off every dynamic import, or an error naming what it
 * could not read: a wrapper left in place would call a helper no longer imported.
 */
export function withoutPreloadHelper(code: string): Unwrapped {
  let count = 0;
  const unwrapped = code.replace(CALL, (_call, dynamicImport: string) => {
    count++;
    return dynamicImport;
  });
  const rest = unwrapped.split(HELPER_IMPORT).join('');
  if (rest.includes(HELPER)) {
    const at = rest.indexOf(HELPER);
    throw new Error(
      `无法去掉 Vite 的预加载包装：${rest.slice(at, at + 120)}…\n` +
        'Vite 写出的代码形式与 src/integrations/no-preload-helper.ts 所认的不同（多半是升级了 Vite）。' +
        '对照 node_modules/vite/dist/node/chunks/dep-*.js 中 vite:build-import-analysis 的 transform，更新其中的 CALL。',
    );
  }
  return { code: rest, count };
}

/** A chunk as the guard reads it: Rollup's output chunk with Vite's metadata. */
interface BuiltChunk {
  type: 'chunk';
  fileName: string;
  imports: string[];
  dynamicImports: string[];
  moduleIds?: string[];
  viteMetadata?: { importedCss: Set<string> };
}

/**
 * What the helper would have loaded before a dynamically imported file: the stylesheets Vite
 * links to it and to what it imports, as in Vite's `generateBundle` (`addDeps`); scripts it
 * would preload only with `modulePreload` on. A file missing from the bundle was a module of
 * styles alone, whose chunk Vite removed and whose `import()` only the helper could answer.
 */
export function stylesLoadedWith(file: string, bundle: Record<string, BuiltChunk | { type: 'asset' }>): string[] {
  const styles = new Set<string>();
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const chunk = bundle[name];
    if (!chunk) styles.add(`${name}（只含样式的模块）`);
    else if (chunk.type === 'chunk') {
      for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css);
      chunk.imports.forEach(visit);
    }
  };
  visit(file);
  return [...styles];
}

/** The Vite plugin: client builds only; the server's code has no preload wrapper. */
export default function noPreloadHelper(): Plugin {
  let unwrapped = 0;
  return {
    name: 'edition:no-preload-helper',
    apply: 'build',
    applyToEnvironment: (environment) => environment.config.consumer === 'client',
    buildStart() {
      unwrapped = 0;
    },
    transform: {
      // After Vite's own transform, which adds the wrapper.
      order: 'post',
      handler(code, id) {
        if (id === HELPER_ID || !code.includes(HELPER)) return;
        try {
          const result = withoutPreloadHelper(code);
          unwrapped += result.count;
          // Lines stay where they were: a source map would be off by some columns at most,
          // and the build makes none.
          return { code: result.code, map: null };
        } catch (error) {
          this.error(`${id}: ${(error as Error).message}`);
        }
      },
    },
    generateBundle: {
      // After Vite's CSS plugin has named each chunk's styles and removed chunks of styles alone.
      order: 'post',
      handler(_options, bundle) {
        const chunks = bundle as unknown as Record<string, BuiltChunk | { type: 'asset' }>;
        const problems: string[] = [];
        for (const chunk of Object.values(chunks)) {
          if (chunk.type !== 'chunk') continue;
          if (chunk.moduleIds?.includes(HELPER_ID)) problems.push(`${chunk.fileName} 仍含有 Vite 的预加载函数：有动态导入未经本插件处理`);
          if (unwrapped === 0) continue;
          for (const target of chunk.dynamicImports) {
            const styles = stylesLoadedWith(target, chunks);
            if (styles.length) problems.push(`${chunk.fileName} → import('${target}') 需要先载入 ${styles.join('、')}`);
          }
        }
        if (problems.length)
          this.error(
            `按需载入的脚本带有样式，或仍要预加载，而 Vite 的预加载已去掉（src/integrations/no-preload-helper.ts）：\n${problems.join('\n')}\n` +
              '样式请以网址导入（import css from "./x.css?url"），由功能自己用 src/reader/stylesheet.ts 的 loadStylesheet 载入。',
          );
      },
    },
  };
}
