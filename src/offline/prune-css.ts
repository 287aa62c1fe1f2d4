/**
 * The offline file's styles cut to what it can show. It takes the site's stylesheets whole, and
 * they style every page of the site (the search page, the annotations, the citation panel, the
 * indicator tables…) while the file holds only the report, its contents and its glossary: more
 * than half of their rules can match nothing in it.
 *
 * csso's usage filter removes a rule when its selector names a tag or a class that the file
 * never uses. What the file uses is read from its markup and from its scripts: every word of
 * the scripts counts as a class and a tag, so a class a script adds (`is-open`), or an element
 * it creates (`mark`), keeps its rules. Attribute, state and id selectors (`[hidden]`,
 * `:target`, `[data-theme=dark]`) are never filtered. Rules are not merged or reordered.
 */
import { minify } from 'csso';

/** `css` without the rules that can match nothing in `html` whatever `scripts` do to it. */
export function pruneCss(css: string, html: string, scripts: readonly string[]): string {
  const classes = new Set<string>();
  const tags = new Set<string>();
  for (const m of html.matchAll(/<([a-zA-Z][\w-]*)/g)) tags.add(m[1]!.toLowerCase());
  for (const m of html.matchAll(/\sclass="([^"]*)"/g)) for (const c of m[1]!.split(/\s+/)) if (c) classes.add(c);
  for (const code of scripts)
    for (const m of code.matchAll(/[A-Za-z_][\w-]*/g)) {
      classes.add(m[0]);
      tags.add(m[0].toLowerCase());
    }
  return minify(css, { usage: { tags: [...tags], classes: [...classes] }, restructure: false, comments: false }).css;
}
