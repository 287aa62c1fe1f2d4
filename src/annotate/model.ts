/**
 * A reader's annotation as the edition keeps it, and the limits every way in (the editor, an
 * imported file) holds to. Kept apart from the export and import code, which pages load only
 * when the reader exports or imports.
 */
import type { TextPosition, TextQuote } from './anchoring.ts';

export const COLORS = ['yellow', 'green', 'blue', 'pink'] as const;
export type Color = (typeof COLORS)[number];
export const COLOR_NAMES: Record<Color, string> = { yellow: '黄', green: '绿', blue: '蓝', pink: '粉' };

export interface Annotation {
  /** `urn:uuid:…` */
  id: string;
  paragraph: number;
  quote: TextQuote;
  position: TextPosition;
  color: Color;
  /** Plain text; empty for a highlight without a note. */
  note: string;
  created: string;
  modified: string;
}

export const LIMITS = {
  /** Largest file accepted. */
  bytes: 1024 * 1024,
  annotations: 5000,
  quote: 2000,
  context: 200,
  note: 10_000,
} as const;
