import { PNG } from 'pngjs';

export type Point = [number, number];

/**
 * A one-colour anti-aliased drawing surface, just enough to make demo signature images (strokes,
 * rings, glyph outlines) without a native canvas. Coverage is kept per pixel and becomes the PNG's
 * alpha: the background stays fully transparent, as Decree 30 App. I asks of signature images.
 */
export class AlphaMask {
  readonly coverage: Float32Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.coverage = new Float32Array(width * height);
  }

  private paint(x: number, y: number, alpha: number) {
    const i = y * this.width + x;
    this.coverage[i] = Math.min(1, Math.max(this.coverage[i]!, alpha));
  }

  /** A filled disc; strokes are runs of overlapping discs, which gives round joins and ends. */
  disc(cx: number, cy: number, r: number) {
    const x0 = Math.max(0, Math.floor(cx - r - 1));
    const x1 = Math.min(this.width - 1, Math.ceil(cx + r + 1));
    const y0 = Math.max(0, Math.floor(cy - r - 1));
    const y1 = Math.min(this.height - 1, Math.ceil(cy + r + 1));
    for (let y = y0; y <= y1; y++)
      for (let x = x0; x <= x1; x++) {
        const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
        if (d < r + 0.5) this.paint(x, y, Math.min(1, r + 0.5 - d));
      }
  }

  /** A stroke through `points` whose half-width follows `radius(t)`, t from 0 to 1. */
  stroke(points: Point[], radius: (t: number) => number) {
    for (let i = 1; i < points.length; i++) {
      const [ax, ay] = points[i - 1]!;
      const [bx, by] = points[i]!;
      const steps = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay) * 2));
      for (let s = 0; s < steps; s++) {
        const f = s / steps;
        this.disc(ax + (bx - ax) * f, ay + (by - ay) * f, radius((i - 1 + f) / points.length));
      }
    }
  }

  /** The annulus between radii `inner` and `outer`. */
  ring(cx: number, cy: number, inner: number, outer: number) {
    for (let y = 0; y < this.height; y++)
      for (let x = 0; x < this.width; x++) {
        const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
        const a = Math.min(d - inner, outer - d) + 0.5;
        if (a > 0) this.paint(x, y, Math.min(1, a));
      }
  }

  /**
   * Fills closed polygons with the non-zero rule: 4 sub-scanlines per pixel row, exact horizontal
   * coverage, which is plenty for glyph outlines at seal size.
   */
  fill(polygons: Point[][]) {
    const sub = 4;
    const rowCoverage = new Float32Array(this.width);
    const spans = polygons.map((poly) => {
      const ys = poly.map(([, y]) => y);
      return { poly, top: Math.min(...ys), bottom: Math.max(...ys) };
    });
    for (let y = 0; y < this.height; y++) {
      rowCoverage.fill(0);
      for (let s = 0; s < sub; s++) {
        const sy = y + (s + 0.5) / sub;
        const crossings: { x: number; dir: number }[] = [];
        for (const { poly, top, bottom } of spans) {
          if (sy < top || sy > bottom) continue;
          for (let i = 0; i < poly.length; i++) {
            const [x0, y0] = poly[i]!;
            const [x1, y1] = poly[(i + 1) % poly.length]!;
            if (y0 <= sy === y1 <= sy) continue;
            crossings.push({ x: x0 + ((sy - y0) / (y1 - y0)) * (x1 - x0), dir: y1 > y0 ? 1 : -1 });
          }
        }
        crossings.sort((a, b) => a.x - b.x);
        let winding = 0;
        for (let i = 0; i < crossings.length - 1; i++) {
          winding += crossings[i]!.dir;
          if (winding !== 0) this.span(rowCoverage, crossings[i]!.x, crossings[i + 1]!.x, 1 / sub);
        }
      }
      for (let x = 0; x < this.width; x++)
        if (rowCoverage[x]! > 0) this.paint(x, y, rowCoverage[x]!);
    }
  }

  private span(row: Float32Array, from: number, to: number, weight: number) {
    const a = Math.max(0, from);
    const b = Math.min(this.width, to);
    for (let px = Math.floor(a); px < b; px++)
      row[px]! += (Math.min(b, px + 1) - Math.max(a, px)) * weight;
  }

  /** An RGBA PNG in one colour; fully transparent wherever nothing was drawn. */
  toPng([r, g, b]: [number, number, number]): Buffer {
    const png = new PNG({ width: this.width, height: this.height });
    for (let i = 0; i < this.coverage.length; i++) {
      png.data[i * 4] = r;
      png.data[i * 4 + 1] = g;
      png.data[i * 4 + 2] = b;
      png.data[i * 4 + 3] = Math.round(this.coverage[i]! * 255);
    }
    return PNG.sync.write(png);
  }
}
