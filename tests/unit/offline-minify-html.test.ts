/**
 * The offline file's minifier (src/offline/minify-html.ts): smaller, and the same document to
 * a browser — the same text in each element, white space kept where the styles keep it, raw
 * text byte for byte — and the class names nothing uses gone; regions named by a heading
 * named by its words where that is shorter and the same name (src/offline/heading-labels.ts).
 */
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { cssClassNames } from '../../src/offline/css-subjects.ts';
import { inlineHeadingLabels } from '../../src/offline/heading-labels.ts';
import { blocksMadeInline, minifyHtml, whitespaceKept } from '../../src/offline/minify-html.ts';

const page = (body: string, head = '') => `<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>t</title>${head}\n</head>\n<body class="page">\n${body}\n</body>\n</html>\n`;
/** Each element's text, as a browser's parser reads the file. */
const texts = (html: string, selector: string) => [...parseHTML(html).document.querySelectorAll(selector)].map((e) => e.textContent);

describe('minifyHtml', () => {
  test('unquoted attributes, bare empty ones, optional end tags left out', () => {
    const html = page('<main id="main"><p class="para" id="p-1"><a class="pnum" href="#p-1" data-edition-ui="">¶1</a>正文。</p>\n<ul>\n  <li>一</li>\n  <li>二</li>\n</ul></main>');
    const out = minifyHtml(html);
    expect(out).toContain('<p class=para id=p-1><a class=pnum href=#p-1 data-edition-ui>¶1</a>正文。<ul><li>一<li>二</ul>');
    expect(out).toContain('<head>');
    expect(out.length).toBeLessThan(html.length);
  });

  test('white space after a paragraph whose end tag is left out does not join its text', () => {
    const html = page('<article><p id="a">第一段。</p>\n  <p id="b">第二段。</p>  \n</article>');
    const out = minifyHtml(html);
    expect(out).not.toContain('</p>');
    expect(texts(out, 'p')).toEqual(['第一段。', '第二段。']);
  });

  test('runs of white space collapse, except where the styles keep them', () => {
    const css = '.byline:last-child{white-space:pre-wrap}';
    const html = page('<header><p class="byline">市长  盛  悠\n</p>\n</header><p class="x">相关：\n\n   <a href="#y">甲</a></p>', `<style>${css}</style>`);
    const out = minifyHtml(html, { keepWhitespace: whitespaceKept(css) });
    expect(texts(out, '.byline')).toEqual(['市长  盛  悠\n']);
    expect(texts(out, '.x')).toEqual(['相关：\n甲']);
  });

  test('where white space is kept after an element whose end tag could go, no end tag goes', () => {
    const css = 'div{white-space:pre}';
    const html = page('<div><p>一</p>\n<p>二</p>\n</div>', `<style>${css}</style>`);
    const out = minifyHtml(html, { keepWhitespace: whitespaceKept(css) });
    expect(out).toContain('</p>');
    expect(parseHTML(out).document.querySelector('div')!.innerHTML).toBe('<p>一</p>\n<p>二</p>\n');
  });

  test('class names nothing uses are dropped, and an empty class attribute with them', () => {
    const html = page('<span class="mord mathnormal">x</span><span class="mord">y</span><p class="para">z</p>');
    const used = new Set(['mathnormal', 'para']);
    const out = minifyHtml(html, { keepClass: (c) => used.has(c) });
    expect(out).toContain('<span class=mathnormal>x</span><span>y</span><p class=para>z');
  });

  test('scripts and styles are written back byte for byte', () => {
    const script = 'var a = "<p>  x  </p>";\n  if (a) {  }\n';
    const style = '.a  >  .b { color : red }\n';
    const out = minifyHtml(page(`<script>${script}</script>`, `<style>${style}</style>`));
    expect(out).toContain(`<script>${script}</script>`);
    expect(out).toContain(`<style>${style}</style>`);
  });

  test('white space between blocks goes; beside anything inline-level, it stays', () => {
    const html = page('<section id="s">\n  <h3>甲</h3>\n  <div class="d">\n<p>乙</p>\n  </div>\n  <p>丙<span>丁</span> <span>戊</span></p>\n</section>');
    const out = minifyHtml(html, { madeInline: blocksMadeInline('') });
    expect(out).toContain('<section id=s><h3>甲</h3><div class=d><p>乙</div><p>丙<span>丁</span> <span>戊</span></section>');
    expect(texts(out, 'p')).toEqual(['乙', '丙丁 戊']);
  });

  test('blocks the styles make inline-level, or hidden ones, keep the white space beside them', () => {
    const css = '.chip{display:inline-block}h4{display:inline}.off{display:none}';
    const html = page('<div><div class="chip">甲</div> <div class="chip">乙</div></div><div><h4>丙</h4> <h4>丁</h4></div><div><p>戊</p> <div hidden></div> <p>己</p></div><div><span>庚</span><div class="off"></div> <div class="off"></div><span>辛</span></div>');
    const out = minifyHtml(html, { madeInline: blocksMadeInline(css) });
    expect(out).toContain('<div class=chip>甲</div> <div class=chip>乙</div>');
    expect(out).toContain('<h4>丙</h4> <h4>丁</h4>');
    expect(out).toContain('<div hidden></div> <p>己');
    // The only space between 庚 and 辛, once both blocks between them are hidden.
    expect(out).toContain('<div class=off></div> <div class=off></div>');
  });

  test('without knowing the styles, no white space between blocks is dropped', () => {
    const out = minifyHtml(page('<div>\n<p>甲</p>\n<p>乙</p>\n</div>'));
    expect(out).toMatch(/<div>\n<p>甲\n?<p>乙/);
  });

  test('<math> loses only the namespace HTML implies', () => {
    const out = minifyHtml(page('<math xmlns="http://www.w3.org/1998/Math/MathML"><mi>x</mi></math>'));
    expect(out).toContain('<math><mi>x</mi></math>');
  });
});

describe('whitespaceKept and cssClassNames', () => {
  test('the subjects of the rules that keep white space, by class and tag; everywhere when neither', () => {
    const kept = whitespaceKept('.a .byline:last-child,pre.code{white-space:pre-wrap}.n{white-space:nowrap}td{white-space:normal}');
    expect([...kept.classes].sort()).toEqual(['byline', 'code']);
    expect([...kept.tags]).toEqual(['pre']);
    expect(kept.everywhere).toBe(false);
    expect(whitespaceKept('[data-x]{white-space:pre-line}').everywhere).toBe(true);
  });

  test('the class names a stylesheet names, not those in its URLs or numbers', () => {
    expect([...cssClassNames('.a,.b:hover>.c{margin:.5rem;background:url(data:x/y;base64,AA.bb)}@media(max-width:40rem){.d{}}')].sort()).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('inlineHeadingLabels', () => {
  const entry = (extra = '') =>
    page(`<section class="entry" id="fei-di" aria-labelledby="fei-di-h"><h3 class="entry__term" id="fei-di-h"> <a href="#fei-di">飞地</a> </h3><p>……</p></section>${extra}`);
  const run = (html: string, css = '', scripts = '') =>
    minifyHtml(html, { prepare: (tree) => inlineHeadingLabels(tree, { css, scriptWords: new Set(scripts.match(/[\w-]+/g) ?? []) }) });

  test('a region named by its heading is named by the heading’s words, and the heading loses the id', () => {
    const out = run(entry());
    expect(out).toContain('<section class=entry id=fei-di aria-label=飞地><h3 class=entry__term> <a href=#fei-di>飞地</a> </h3>');
  });

  test('left as it is where anything else refers to the heading, or the styles could change its name', () => {
    for (const [html, css, scripts] of [
      [entry('<a href="#fei-di-h">见</a>'), '', ''],
      [entry('<p aria-describedby="fei-di-h">x</p>'), '', ''],
      [entry(), '#fei-di-h{color:red}', ''],
      [entry(), '', 'document.getElementById("fei-di-h")'],
      [entry(), '.entry__term:before{content:"¶"}', ''],
      [page('<section aria-labelledby="h"><h3 id="h">甲<span aria-hidden="true">乙</span></h3></section>'), '', ''],
      [page('<section aria-labelledby="h"><h3 id="h">甲<span class="vh">乙</span></h3></section>'), '.vh{display:none}', ''],
      [page('<section aria-labelledby="h"><p id="h">甲</p></section>'), '', ''],
    ] as const)
      expect(run(html, css, scripts), `${html} ${css} ${scripts}`).toContain('aria-labelledby');
  });

  test('left as it is where the words are longer than the reference', () => {
    const words = '很长的标题'.repeat(4);
    expect(run(page(`<section aria-labelledby="a-h"><h2 id="a-h">${words}</h2></section>`))).toContain('aria-labelledby=a-h');
  });
});
