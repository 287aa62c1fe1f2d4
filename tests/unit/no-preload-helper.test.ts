/**
 * The preload wrapper taken off dynamic imports: fed the code as Vite 6's
 * `vite:build-import-analysis` transform writes it, it gives back the `import()` as written.
 */
import { describe, expect, test } from 'vitest';
import { stylesLoadedWith, withoutPreloadHelper } from '../../src/integrations/no-preload-helper.ts';

const HELPER_IMPORT = 'import { __vitePreload } from "\0vite/preload-helper.js";';
const DEPS = '__VITE_IS_MODERN__?__VITE_PRELOAD__:void 0';

/** Written (as esbuild leaves a module) → as Vite's transform hands it on. */
const fixtures: { name: string; wrapped: string; written: string }[] = [
  {
    name: 'a plain import(), double quotes',
    wrapped: `${HELPER_IMPORT}const dialog = () => __vitePreload(() => import("./term-popover-dialog.ts"),${DEPS});`,
    written: 'const dialog = () => import("./term-popover-dialog.ts");',
  },
  {
    name: 'single quotes, then .then()',
    wrapped: `${HELPER_IMPORT}void __vitePreload(() => import('./arrival.ts'),${DEPS}).then((m) => m.initArrival());`,
    written: `void import('./arrival.ts').then((m) => m.initArrival());`,
  },
  {
    name: 'a relative base passes import.meta.url',
    wrapped: `${HELPER_IMPORT}__vitePreload(() => import("./a.ts"),${DEPS},import.meta.url);`,
    written: 'import("./a.ts");',
  },
  {
    name: 'names taken with await',
    wrapped: `${HELPER_IMPORT}const { initPanel, styled } = await __vitePreload(async () => { const { initPanel, styled } = await import("./panel.ts");return { initPanel, styled }},${DEPS});`,
    written: 'const { initPanel, styled } = await import("./panel.ts");',
  },
  {
    name: 'names taken in .then()',
    wrapped: `${HELPER_IMPORT}__vitePreload(async () => { const {initPanel} = await import("./panel.ts");return { initPanel }},${DEPS}).then(({ initPanel }) => initPanel(input));`,
    written: 'import("./panel.ts").then(({ initPanel }) => initPanel(input));',
  },
  {
    name: 'one name read from the awaited module',
    wrapped: `${HELPER_IMPORT}const place = (await __vitePreload(async () => { const {placePanel} = await import("./place-panel.ts");return { placePanel }},${DEPS})).placePanel;`,
    written: 'const place = (await import("./place-panel.ts")).placePanel;',
  },
  {
    name: 'import attributes and a template literal',
    wrapped: `${HELPER_IMPORT}__vitePreload(() => import("./data.json", { with: { type: "json" } }),${DEPS});__vitePreload(() => import(\`./b.ts\`),${DEPS});`,
    written: 'import("./data.json", { with: { type: "json" } });import(`./b.ts`);',
  },
  {
    name: 'several on one line',
    wrapped: `${HELPER_IMPORT}const a = () => __vitePreload(() => import("./a.ts"),${DEPS}), b = () => __vitePreload(() => import("./b.ts"),${DEPS});`,
    written: 'const a = () => import("./a.ts"), b = () => import("./b.ts");',
  },
];

describe('withoutPreloadHelper', () => {
  test.each(fixtures)('$name', ({ wrapped, written }) => {
    const result = withoutPreloadHelper(wrapped);
    expect(result.code).toBe(written);
    expect(result.count).toBe(wrapped.split('__vitePreload(').length - 1);
  });

  test('code without the wrapper is left as it is', () => {
    const code = 'const m = await import(specifier);';
    expect(withoutPreloadHelper(code)).toEqual({ code, count: 0 });
  });

  test('a wrapper it cannot read stops the build, saying where to look', () => {
    expect(() => withoutPreloadHelper(`${HELPER_IMPORT}__vitePreload(() => import("./a.ts"),[])`)).toThrowErrorMatchingInlineSnapshot(`
      [Error: 无法去掉 Vite 的预加载包装：__vitePreload(() => import("./a.ts"),[])…
      Vite 写出的代码形式与 src/integrations/no-preload-helper.ts 所认的不同（多半是升级了 Vite）。对照 node_modules/vite/dist/node/chunks/dep-*.js 中 vite:build-import-analysis 的 transform，更新其中的 CALL。]
    `);
  });
});

describe('stylesLoadedWith', () => {
  const chunk = (fileName: string, imports: string[] = [], css: string[] = []) => ({
    type: 'chunk' as const,
    fileName,
    imports,
    dynamicImports: [],
    viteMetadata: { importedCss: new Set(css) },
  });

  test('none, where styles are loaded by the features themselves', () => {
    const bundle = { 'a.js': chunk('a.js', ['shared.js']), 'shared.js': chunk('shared.js') };
    expect(stylesLoadedWith('a.js', bundle)).toEqual([]);
  });

  test('a stylesheet imported by the chunk or by what it imports', () => {
    const bundle = { 'a.js': chunk('a.js', ['shared.js']), 'shared.js': chunk('shared.js', ['a.js'], ['shared.css']) };
    expect(stylesLoadedWith('a.js', bundle)).toEqual(['shared.css']);
  });

  test('a module of styles alone, whose chunk Vite removed', () => {
    expect(stylesLoadedWith('panel.css.js', {})).toEqual(['panel.css.js（只含样式的模块）']);
  });
});
