/**
 * Types for the libraries the offline file's build uses that ship none: only what it calls.
 */
declare module 'subset-font' {
  /** HarfBuzz's hb-subset: `buffer` cut to the glyphs `text` needs, in `targetFormat`. */
  export default function subsetFont(buffer: Buffer, text: string, options?: { targetFormat?: 'sfnt' | 'woff' | 'woff2'; noHinting?: boolean }): Promise<Buffer>;
}

declare module 'fontverter' {
  /** Converts a font between SFNT, WOFF and WOFF2. */
  export function convert(buffer: Buffer, toFormat: 'sfnt' | 'woff' | 'woff2'): Promise<Buffer>;
}

declare module 'csso' {
  export interface Usage {
    tags?: string[];
    ids?: string[];
    classes?: string[];
  }
  /** Minifies a stylesheet; with `usage`, drops the rules whose selectors name a tag, id or class not listed. */
  export function minify(css: string, options?: { usage?: Usage; restructure?: boolean; comments?: boolean | 'exclamation' | 'first-exclamation' }): { css: string };
  /** csso's CSS parser (a fork of css-tree). */
  export const syntax: {
    parse(css: string): unknown;
    /** Visits the nodes of type `visit`; `item` and `list` let `enter` remove `node` (`list.remove(item)`). */
    walk(ast: unknown, options: { visit: string; enter(node: never, item: never, list: never): void }): void;
    generate(node: unknown): string;
  };
}
