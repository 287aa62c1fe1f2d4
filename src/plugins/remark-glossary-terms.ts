/**
 * Marks glossary terms in the report's paragraphs as links to their entries, and records which
 * paragraphs mention which entry (for the glossary's backlinks).
 *
 * ```html
 * <p class="para" id="p-48">…深化“亩均论英雄”改革…</p>
 * ```
 * becomes
 * ```html
 * <p class="para" id="p-48">…深化“<a href="/glossary/#亩均论英雄" class="term">亩均论英雄</a>”改革…</p>
 * ```
 * The link holds the report's own characters, so the paragraph's text does not change. It
 * names the entry by its headword where it can (`src/glossary/anchor.ts` says why). Longest
 * term first: 六稳六保 wins over 六稳 where both would match. The first occurrence of each
 * entry in a paragraph is marked. Headings, links, math and edition UI are never touched.
 * A term made only of Latin letters and digits (155, 12113) is marked only inside quotation
 * marks, where the report uses it as a name, never inside an ordinary number.
 */
import type { Link, Paragraph, Root } from 'mdast';
import { findAndReplace, type RegExpMatchObject } from 'mdast-util-find-and-replace';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { termAnchor } from '../glossary/anchor.ts';

export interface GlossaryTermsOptions {
  /** Entries with the names they go by in the report. */
  terms: readonly { id: string; term: string; aliases: readonly string[] }[];
  /** The URL of an entry, given its anchor (`termAnchor`). Default: `/glossary/#anchor`. */
  href?: (anchor: string) => string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ASCII_NAME = /^[A-Za-z0-9]+$/;

/** Which ¶ mention which entry; stored in `file.data.astro.frontmatter.glossary`. */
export type GlossaryOccurrences = Record<string, number[]>;

function paragraphNumber(node: Paragraph): number | undefined {
  const props = (node.data as { hProperties?: { id?: unknown } } | undefined)?.hProperties;
  const match = typeof props?.id === 'string' ? /^p-(\d+)$/.exec(props.id) : null;
  return match ? Number(match[1]) : undefined;
}

/** Creates the transformer; see the module comment. */
export default function remarkGlossaryTerms(options: GlossaryTermsOptions) {
  const href = options.href ?? ((anchor: string) => `/glossary/#${anchor}`);
  const byName = new Map<string, string>();
  const anchors = new Map<string, string>();
  for (const entry of options.terms) {
    anchors.set(entry.id, termAnchor(entry));
    for (const name of [entry.term, ...entry.aliases]) byName.set(name, entry.id);
  }
  const names = [...byName.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const pattern = names.length ? new RegExp(names.map(escape).join('|'), 'g') : undefined;

  return function transformer(tree: Root, file: VFile) {
    const occurrences: GlossaryOccurrences = {};
    if (pattern) {
      visit(tree, 'paragraph', (node) => {
        const n = paragraphNumber(node);
        if (n === undefined) return;
        const marked = new Set<string>();
        findAndReplace(
          node,
          [
            [
              pattern,
              (value: string, match: RegExpMatchObject) => {
                const id = byName.get(value)!;
                if (marked.has(id)) return false;
                if (ASCII_NAME.test(value)) {
                  const before = match.input.charAt(match.index - 1);
                  const after = match.input.charAt(match.index + value.length);
                  if (before !== '“' || after !== '”') return false;
                }
                marked.add(id);
                (occurrences[id] ??= []).push(n);
                const url = href(anchors.get(id)!);
                const link: Link = {
                  type: 'link',
                  url,
                  children: [{ type: 'text', value }],
                  // The URL as written, here too: mdast-util-to-hast would percent-encode a
                  // headword (十四五 → %E5%8D%81…), nine bytes a character that gzip cannot
                  // fold into the link's words. Browsers encode it themselves when they follow it.
                  data: { hProperties: { className: ['term'], href: url } },
                };
                return link;
              },
            ],
          ],
          { ignore: ['link', 'linkReference', 'heading', 'inlineMath', 'math', 'inlineCode', 'editionUi'] },
        );
      });
    }
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter.glossary = occurrences;
  };
}
