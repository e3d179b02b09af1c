import type { Font } from '@cantoo/fontkit';
import { PNG } from 'pngjs';
import { fontFiles, fontkit } from './fonts.js';
import { AlphaMask, type Point } from './raster.js';

/**
 * Demo signature images in the colours of Decree 30 App. I: the signer's handwritten signature in
 * blue and the agency seal in red, both PNG with a transparent background. Real deployments upload
 * scans of the real ones (any PNG works, see `describePng`); these only make the demo and the tests
 * look like the real thing. Both are deterministic: the same input gives the same bytes.
 */

const BLUE: [number, number, number] = [16, 46, 158];
const RED: [number, number, number] = [214, 24, 32];

/** A small seeded generator (mulberry32) so a name always gets the same scrawl. */
function random(seedText: string): () => number {
  let seed = 0;
  for (const ch of seedText) seed = (Math.imul(seed, 31) + ch.codePointAt(0)!) | 0;
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A blue, slanted, looping scrawl with an underline flourish, 480×180 px. */
export function demoPersonalSignature(name: string): Buffer {
  const rnd = random(name);
  const mask = new AlphaMask(480, 180);
  const loops = 5 + Math.floor(rnd() * 3);
  const heights = Array.from({ length: loops + 1 }, () => 14 + rnd() * 22);
  const word: Point[] = [];
  // A prolate trochoid draws cursive-like loops; the capital is a taller first loop.
  for (let i = 0; i <= 400; i++) {
    const phi = (i / 400) * loops * 2 * Math.PI;
    const k = Math.min(loops, Math.floor(phi / (2 * Math.PI)));
    const b = (i < 60 ? 2.2 : 1) * heights[k]!;
    const y = 100 - b * Math.cos(phi) * 0.9 - b * 0.4;
    const x = 60 + (330 / (loops * 2 * Math.PI)) * phi - 16 * Math.sin(phi);
    word.push([x + (100 - y) * 0.35, y]);
  }
  mask.stroke(word, (t) => 2 + 1.6 * Math.sin(Math.PI * Math.min(1, t * 1.2)));
  const flourish: Point[] = [];
  for (let i = 0; i <= 100; i++) {
    const t = i / 100;
    flourish.push([440 - 390 * t, 130 + 22 * Math.sin(Math.PI * t)]);
  }
  mask.stroke(flourish, (t) => 2.6 - 1.8 * t);
  return mask.toPng(BLUE);
}

let cachedFont: Font | undefined;

function sealFont(): Font {
  if (!cachedFont) {
    const font = fontkit.create(fontFiles.sansBold());
    if (!('layout' in font)) throw new Error('Not a single font');
    cachedFont = font;
  }
  return cachedFont;
}

/**
 * Glyph outlines of `text` at `size` px, each glyph handed to `place(u, v)` in its own frame
 * (u along the baseline from the glyph's centre, v up) and its centre offset along the line.
 */
function textPolygons(
  text: string,
  size: number,
  spacing: number,
  place: (centre: number) => (u: number, v: number) => Point,
): Point[][] {
  const font = sealFont();
  const run = font.layout(text.normalize('NFC'));
  const scale = size / font.unitsPerEm;
  const polygons: Point[][] = [];
  let along = 0;
  run.glyphs.forEach((glyph, i) => {
    const adv = (run.positions?.[i]?.xAdvance ?? glyph.advanceWidth) * scale;
    const at = place(along + adv / 2);
    polygons.push(...outline(glyph.path.commands, (x, y) => at(x * scale - adv / 2, y * scale)));
    along += adv + spacing;
  });
  return polygons;
}

function textWidth(text: string, size: number): number {
  const font = sealFont();
  return (font.layout(text.normalize('NFC')).advanceWidth / font.unitsPerEm) * size;
}

/**
 * `text` along the circle of `radius` (its baseline), centred at the top, reading clockwise,
 * spread over at least 200° (as the lettering rings a real seal) and at most `maxArc` radians.
 */
function arcText(text: string, cx: number, cy: number, radius: number, maxArc: number) {
  let size = 40;
  if (textWidth(text, size) / radius > maxArc) size *= maxArc / (textWidth(text, size) / radius);
  const count = [...text.normalize('NFC')].length;
  const spacing = Math.max(0, (200 * Math.PI * radius) / 180 - textWidth(text, size)) / count;
  const total = textWidth(text, size) + spacing * (count - 1);
  return textPolygons(text, size, spacing, (centre) => {
    const theta = -Math.PI / 2 + (centre - total / 2) / radius;
    const [nx, ny] = [Math.cos(theta), Math.sin(theta)];
    return (u, v) => [cx + (radius + v) * nx - u * ny, cy + (radius + v) * ny + u * nx];
  });
}

/** `text` on a straight baseline, centred on `cx`. */
function lineText(text: string, cx: number, baseline: number, size: number) {
  const left = cx - textWidth(text, size) / 2;
  return textPolygons(text, size, 0, (centre) => (u, v) => [left + centre + u, baseline - v]);
}

/** Flattens a glyph outline (lines, quadratic and cubic Béziers) into polygons. */
function outline(
  commands: { command: string; args: number[] }[],
  place: (x: number, y: number) => Point,
): Point[][] {
  const polygons: Point[][] = [];
  let current: Point[] = [];
  let [px, py] = [0, 0];
  const to = (x: number, y: number) => {
    current.push(place(x, y));
    [px, py] = [x, y];
  };
  for (const { command, args: a } of commands) {
    const [a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0] = a;
    if (command === 'moveTo') {
      if (current.length > 2) polygons.push(current);
      current = [];
      to(a0, a1);
    } else if (command === 'lineTo') to(a0, a1);
    else if (command === 'quadraticCurveTo') {
      const [sx, sy] = [px, py];
      for (let s = 1; s <= 8; s++) {
        const t = s / 8;
        const u = 1 - t;
        to(u * u * sx + 2 * u * t * a0 + t * t * a2, u * u * sy + 2 * u * t * a1 + t * t * a3);
      }
    } else if (command === 'bezierCurveTo') {
      const [sx, sy] = [px, py];
      for (let s = 1; s <= 8; s++) {
        const t = s / 8;
        const u = 1 - t;
        const [w0, w1, w2, w3] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
        to(w0 * sx + w1 * a0 + w2 * a2 + w3 * a4, w0 * sy + w1 * a1 + w2 * a3 + w3 * a5);
      }
    }
  }
  if (current.length > 2) polygons.push(current);
  return polygons;
}

function star(cx: number, cy: number, outer: number): Point[] {
  return Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? outer : outer * 0.382;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    return [cx + r * Math.cos(a), cy + r * Math.sin(a)] as Point;
  });
}

/**
 * A red round seal, 480×480 px: double outer ring, the agency name in capitals around the edge,
 * a star in the middle and DEMO under it (so the demo seal is never taken for a real one).
 */
export function demoAgencySeal(agencyName: string): Buffer {
  const mask = new AlphaMask(480, 480);
  const [c, R] = [240, 236];
  mask.ring(c, c, R - 9, R);
  mask.ring(c, c, R - 16, R - 13);
  mask.ring(c, c, 150, 155);
  mask.fill([
    ...arcText(agencyName.toLocaleUpperCase('vi'), c, c, 172, (290 * Math.PI) / 180),
    star(c, c - 25, 62),
    ...lineText('DEMO', c, c + 85, 42),
  ]);
  return mask.toPng(RED);
}

/** Facts about an uploaded signature image, to check it before it is used. */
export function describePng(bytes: Uint8Array): {
  width: number;
  height: number;
  transparentBackground: boolean;
} {
  const png = PNG.sync.read(Buffer.from(bytes));
  const alphaAt = (x: number, y: number) => png.data[(y * png.width + x) * 4 + 3]!;
  const corners = [
    alphaAt(0, 0),
    alphaAt(png.width - 1, 0),
    alphaAt(0, png.height - 1),
    alphaAt(png.width - 1, png.height - 1),
  ];
  return {
    width: png.width,
    height: png.height,
    transparentBackground: corners.every((a) => a === 0),
  };
}
