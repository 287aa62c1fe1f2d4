/**
 * What a stylesheet's rules apply to, read from their selectors (csso's parser), for the
 * offline file's minifier: which elements have their white space kept, which are hidden, which
 * class names the styles use at all. Broader than the selectors on purpose — a rule for
 * `.byline:last-child` counts for every `.byline` — since the minifier only leaves alone what
 * they name, and leaving too much alone costs bytes, never correctness.
 */
import { syntax } from 'csso';

/**
 * The subjects of the rules that declare something: by the class names and tag names in each
 * selector's last compound, or `everywhere` when a subject names neither (`[data-x]`, `*`) or
 * the rule's prelude is not a selector list.
 */
export interface CssSubjects {
  classes: Set<string>;
  tags: Set<string>;
  everywhere: boolean;
}

interface CssNode {
  type: string;
  name?: string;
  property?: string;
  value?: CssNode;
  prelude?: CssNode;
  block?: CssNode;
  children?: { toArray(): CssNode[] } | null;
}

/** The subjects of the rules of `css` with a declaration for which `declares(property, value)` holds. */
export function cssSubjects(css: string, declares: (property: string, value: string) => boolean): CssSubjects {
  const out: CssSubjects = { classes: new Set(), tags: new Set(), everywhere: false };
  syntax.walk(syntax.parse(css), {
    visit: 'Rule',
    enter(node: CssNode) {
      const matches = (node.block?.children?.toArray() ?? []).some((d) => d.type === 'Declaration' && declares(d.property!, syntax.generate(d.value!)));
      if (!matches) return;
      if (node.prelude?.type !== 'SelectorList') {
        out.everywhere = true;
        return;
      }
      for (const selector of node.prelude.children?.toArray() ?? []) {
        const parts = selector.children?.toArray() ?? [];
        const subject = parts.slice(parts.findLastIndex((p) => p.type === 'Combinator') + 1);
        const classes = subject.filter((p) => p.type === 'ClassSelector').map((p) => p.name!);
        const tags = subject.filter((p) => p.type === 'TypeSelector' && p.name !== '*').map((p) => p.name!.toLowerCase());
        for (const c of classes) out.classes.add(c);
        for (const t of tags) out.tags.add(t);
        if (classes.length === 0 && tags.length === 0) out.everywhere = true;
      }
    },
  });
  return out;
}

/** The class names the selectors of `css` name. */
export function cssClassNames(css: string): Set<string> {
  const names = new Set<string>();
  syntax.walk(syntax.parse(css), {
    visit: 'ClassSelector',
    enter(node: CssNode) {
      names.add(node.name!);
    },
  });
  return names;
}
