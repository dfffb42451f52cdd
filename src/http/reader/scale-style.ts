import { createHash } from 'node:crypto';
import type { Verdict } from '../../modules/annotation/verdict';
import type { ScaleRatingRow } from '../../modules/rating/rating.types';
import { verdictClass } from './verdicts';

/**
 * The colours of the organisation's rating scale as a stylesheet (GET /reader/scale.css): the
 * reader's CSP allows no inline style, so a colour reaches a page as a class. `r-<id>` is a
 * rating's own colour (a fact-check's badge); `v-<verdict>` is the colour of the scale's first
 * rating of that verdict (a claim's highlight, note and summary bar), over the fixed palette of
 * reader.css, which stays for a verdict the scale has no rating of. Each class sets the three
 * custom properties reader.css paints with: --v (strong), --v-tint (highlight), --v-ink (text
 * on --v). Colours are stored as `#rrggbb` (checkColour), so nothing else can reach the CSS.
 */

const COLOUR = /^#[0-9a-f]{6}$/i;

function channels(colour: string): [number, number, number] {
  return [1, 3, 5].map((at) => parseInt(colour.slice(at, at + 2), 16)) as [number, number, number];
}

function hex(values: readonly number[]): string {
  return `#${values.map((value) => Math.round(value).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG relative luminance. */
function luminance(colour: string): number {
  const [r, g, b] = channels(colour).map((value) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(x: string, y: string): number {
  const [light, dark] = [luminance(x), luminance(y)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

const WHITE = '#ffffff';
const INK = '#1d2127';

/** The three properties of one colour: the text on it is white or ink, whichever reads better. */
export function colourProperties(colour: string): { v: string; tint: string; ink: string } {
  const v = colour.toLowerCase();
  // A light tint of it for highlights: 22% of the colour over white.
  const tint = hex(channels(v).map((value) => 255 - (255 - value) * 0.22));
  return { v, tint, ink: contrast(v, WHITE) >= contrast(v, INK) ? WHITE : INK };
}

function rule(selector: string, colour: string): string {
  const { v, tint, ink } = colourProperties(colour);
  return `${selector} {\n  --v: ${v};\n  --v-tint: ${tint};\n  --v-ink: ${ink};\n}\n`;
}

/** The class of a rating of the scale: its colour, from scale.css. */
export function ratingClass(ratingId: number | null): string | null {
  return ratingId === null ? null : `r-${ratingId}`;
}

/** The stylesheet of the scale, in its order; verdict classes first, so a rating's own class wins. */
export function scaleStylesheet(scale: readonly ScaleRatingRow[]): string {
  const rated = scale.filter((rating) => COLOUR.test(rating.colour));
  const firstOfVerdict = new Map<Verdict, ScaleRatingRow>();
  for (const rating of rated) if (!firstOfVerdict.has(rating.verdict)) firstOfVerdict.set(rating.verdict, rating);
  const verdicts = [...firstOfVerdict].map(([verdict, rating]) => rule(`.${verdictClass(verdict)}`, rating.colour));
  const ratings = rated.map((rating) => rule(`.${ratingClass(rating.id)}`, rating.colour));
  return `/* The organisation's rating scale: generated from ratingScale. */\n${[...verdicts, ...ratings].join('')}`;
}

/** The stylesheet's version: its ETag, so a reader's cache revalidates it cheaply and a change shows at once. */
export function stylesheetVersion(css: string): string {
  return `"${createHash('sha256').update(css).digest('base64url').slice(0, 22)}"`;
}
