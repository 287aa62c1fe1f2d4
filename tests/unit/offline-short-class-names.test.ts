/**
 * The offline file's short class names (src/offline/short-class-names.ts): one map for the
 * stylesheet and the markup, the scripts' words left alone, and a build that stops where a
 * renaming could break what it cannot see.
 */
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, test } from 'vitest';
import { scriptWords } from '../../src/offline/prune-css.ts';
import { classUses, renameClasses, scriptPieces, shortClassNames } from '../../src/offline/short-class-names.ts';

describe('shortClassNames', () => {
  test('renames the stylesheet and the markup alike, most used first, scripts’ words kept', () => {
    const css = '.entry__definition{margin:0}.entry .entry__term:not(.is-open)>a{color:red}@media print{.entry__definition{color:#000}}';
    const html = '<p class="entry__term">a</p><p class="entry__definition">b</p><p class="entry__definition is-open">c</p>';
    const { css: out, names } = shortClassNames(css, { keep: new Set(['is-open', 'a', 'b']), uses: classUses(html) });
    expect(names.get('entry__definition')).toBe('c');
    expect(names.has('is-open')).toBe(false);
    expect([...names.values()]).not.toContain('a');
    expect(out).toBe(`.c{margin:0}.${names.get('entry')} .${names.get('entry__term')}:not(.is-open)>a{color:red}@media print{.c{color:#000}}`);
    const tree = fromHtml(html, { fragment: true });
    renameClasses(tree, names);
    expect(toHtml(tree)).toBe(`<p class="${names.get('entry__term')}">a</p><p class="c">b</p><p class="c is-open">c</p>`);
  });

  test('stops on a selector of the class attribute itself', () => {
    expect(() => shortClassNames('[class^=chart]{color:red}.chart{margin:0}', { keep: new Set() })).toThrow(/class 属性/);
  });

  test('stops on a script word that could be glued into a renamed class', () => {
    expect(() => shortClassNames('.chart__bar{fill:red}', { keep: new Set(['chart__']) })).toThrow(/chart__bar/);
    expect(() => shortClassNames('.chart__bar{fill:red}', { keep: new Set(['__bar']) })).toThrow(/chart__bar/);
    expect(shortClassNames('.chart__bar{fill:red}', { keep: new Set(['chart__bar']) }).names.size).toBe(0);
  });

  test('a piece of a script’s strings glued on with a hyphen stops the build; a negated name does not', () => {
    const scripts = ['el.classList.add(state + \'-open\'); el.classList.toggle(`is-${x}`); const d = a-r;'];
    const pieces = scriptPieces(scripts);
    expect(pieces).toContain('-open');
    expect(pieces).toContain('is-');
    expect(pieces).not.toContain('-r');
    expect(() => shortClassNames('.note-open{display:block}', { keep: scriptWords(scripts), pieces })).toThrow(/note-open/);
    expect(() => shortClassNames('.is-wide{display:block}', { keep: scriptWords(scripts), pieces })).toThrow(/is-wide/);
    expect(shortClassNames('.vlist-r{display:block}', { keep: scriptWords(scripts), pieces }).names.get('vlist-r')).toBeDefined();
  });
});
