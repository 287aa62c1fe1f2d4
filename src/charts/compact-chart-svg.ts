/**
 * Plot's SVG written again with as few bytes as draw the same picture. Plot nests every mark in
 * a group per mark and a group per facet, each with a `translate`, and positions text in `em`;
 * on 主要指标 and in the offline file that costs bytes the reader pays for. Here each mark's
 * offsets are summed into its own coordinates (text `em` offsets resolved with its font size,
 * which the drawing's layout assumes anyway), and the marks are regrouped one group per chart
 * row, in row-relative coordinates, so that the rows repeat each other byte for byte where they
 * look alike: gzip stores a repeat in a few bytes, a new number in several.
 *
 * ```html
 * <g transform="translate(-6,74)" text-anchor="end" class="chart__series">
 *   <text transform="translate(73,20)" y="0.32em">2020年</text></g>
 * ```
 * becomes, in the row's `<g transform="translate(0,66)">`,
 * ```html
 * <text class="chart__series" transform="translate(67,31.84)">2020年</text>
 * ```
 * (a text keeps a `translate` rather than `x`/`y` so that Chromium draws it pixel for pixel as
 * before; see `place`).
 *
 * The result keeps Plot's painting order within a row (rows never overlap), every class
 * `chart.css` and `chart-drawing.css` style, and no attribute CSS sets instead (`text-anchor`,
 * fonts, colours).
 * SVGO 4.1 (preset-default, multipass) on the same panels writes fewer raw bytes but 10–12 %
 * more gzipped (on /indicators/, 1,891 B against 1,695 B): it keeps the text offsets in `em`
 * and a group per mark, and turns the bars into paths (which the styles and tests select as
 * rects). This pass also needs no new dependency.
 */

export interface CompactSvgOptions {
  /** The font size, in SVG units, of the text of each mark class (as `chart-drawing.css` sets it), to turn `em` into units. */
  fontSize: Readonly<Record<string, number>>;
  /** The distance between the tops of two chart rows, in SVG units: one group per row. */
  rowPitch: number;
}

/** A mark in absolute coordinates: its element (text, tspan children included, rect or line) and its class. */
interface Mark {
  element: Element;
  className: string;
  /** Its top, to find its row. */
  top: number;
}

/** Two decimals at most: the sums of rounded numbers, without floating-point noise. */
const round = (n: number) => String(Math.round(n * 100) / 100);

/** A `translate(x,y)` or `translate(x)` transform (Plot writes no other kind). */
function translation(el: Element): [number, number] {
  const value = el.getAttribute('transform');
  if (!value) return [0, 0];
  const m = /^translate\((-?[\d.]+)(?:[, ](-?[\d.]+))?\)$/.exec(value);
  if (!m) throw new Error(`compact-chart-svg: unexpected transform ${value}`);
  return [Number(m[1]), Number(m[2] ?? 0)];
}

/** A length in units: `0.32em` at `size`, or a number. */
const units = (value: string | null, size: number) => (value === null ? 0 : value.endsWith('em') ? parseFloat(value) * size : Number(value));

/** Sets a coordinate, or removes it when 0 (SVG's default for x, y, x1…). */
function setCoordinate(el: Element, name: string, value: number) {
  if (Math.round(value * 100) === 0) el.removeAttribute(name);
  else el.setAttribute(name, round(value));
}

/**
 * Moves `el` (a text, rect or line) by (dx, dy) plus its own transform, `em` resolved at
 * `size`; returns its top. A text is moved right by a `translate`, never by `x`: Chromium
 * places the glyphs of a text drawn at `x` a fraction of a pixel apart from those of one
 * translated there (same position, other rounding), and the drawing must not change. A
 * one-line text at x = 0 needs only its `y`.
 */
function place(el: Element, dx: number, dy: number, size: number): number {
  const [tx, ty] = translation(el);
  el.removeAttribute('transform');
  const [x, y] = [dx + tx, dy + ty];
  const tag = el.tagName.toLowerCase();
  if (tag === 'line') {
    for (const [name, d] of [['x1', x], ['x2', x], ['y1', y], ['y2', y]] as const) setCoordinate(el, name, units(el.getAttribute(name), size) + d);
    return Math.min(units(el.getAttribute('y1'), size), units(el.getAttribute('y2'), size));
  }
  if (tag === 'rect') {
    setCoordinate(el, 'x', units(el.getAttribute('x'), size) + x);
    setCoordinate(el, 'y', units(el.getAttribute('y'), size) + y);
    return units(el.getAttribute('y'), size);
  }
  if (tag !== 'text') throw new Error(`compact-chart-svg: unexpected <${tag}>`);
  const [px, py] = [x + units(el.getAttribute('x'), size), y + units(el.getAttribute('y'), size)];
  el.removeAttribute('x');
  el.removeAttribute('y');
  // A wrapped text: its lines keep their x (0, the line's start) and y or dy, in units; the
  // first line's y replaces the text's, so the text keeps its offset as a translation.
  const spans = [...el.children].filter((c) => c.tagName.toLowerCase() === 'tspan');
  if (round(px) === '0' && spans.length === 0) setCoordinate(el, 'y', py);
  else el.setAttribute('transform', `translate(${round(px)},${round(py)})`);
  for (const span of spans) for (const name of ['y', 'dy']) if (span.hasAttribute(name)) span.setAttribute(name, round(units(span.getAttribute(name), size)));
  return py + units(spans[0]?.getAttribute('y') ?? null, size);
}

/** The marks of Plot's `svg`, each moved to absolute coordinates, in painting order. */
function marks(svg: Element, fontSize: CompactSvgOptions['fontSize']): Mark[] {
  const out: Mark[] = [];
  const walk = (el: Element, dx: number, dy: number, className: string) => {
    const cls = el.getAttribute('class') || className;
    if (el.tagName.toLowerCase() === 'g') {
      const [tx, ty] = translation(el);
      for (const child of [...el.children]) walk(child, dx + tx, dy + ty, cls);
      return;
    }
    const size = fontSize[cls] ?? 0;
    if (el.tagName.toLowerCase() === 'text' && !size) throw new Error(`compact-chart-svg: no font size for text of class “${cls}”`);
    el.removeAttribute('class');
    out.push({ element: el, className: cls, top: place(el, dx, dy, size) });
  };
  for (const child of [...svg.children]) walk(child, 0, 0, '');
  return out;
}

/**
 * The compact markup of Plot's `svg` (already cleaned of its style, ARIA and long numbers by
 * `chart-svg.ts`): the root with its viewBox, a group per row, each mark with its class.
 */
export function compactChartSvg(svg: Element, options: CompactSvgOptions): Element {
  const document = svg.ownerDocument;
  const root = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  root.setAttribute('viewBox', svg.getAttribute('viewBox')!);
  const rows = new Map<number, Element>();
  for (const mark of marks(svg, options.fontSize)) {
    const row = Math.floor((mark.top + 0.01) / options.rowPitch);
    let group = rows.get(row);
    if (!group) {
      group = document.createElementNS('http://www.w3.org/2000/svg', 'g');
      if (row) group.setAttribute('transform', `translate(0,${round(row * options.rowPitch)})`);
      rows.set(row, group);
    }
    place(mark.element, 0, -row * options.rowPitch, options.fontSize[mark.className] ?? 0);
    mark.element.setAttribute('class', mark.className);
    group.append(mark.element);
  }
  root.append(...[...rows].sort(([a], [b]) => a - b).map(([, g]) => g));
  return root;
}
