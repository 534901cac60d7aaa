import type { PDFDocument, PDFPage } from '@cantoo/pdf-lib';
import type { OutlineEntry } from '../render-model.js';
import { A4 } from '../render-model.js';
import { box, centred, leading, line, MARGIN, printable, type SheetFonts, text, wrap } from '../sheets/draw.js';
import type { ReportBlock, ReportDoc } from './report-model.js';

const BODY = 10.5;
const TABLE = 9;
const CELL_PAD = 3;
/** Space kept free at the foot of every page for 第 n 页 共 m 页. */
const FOOTER = 28;

/**
 * Lays a ReportDoc out on A4 pages of a pdf-lib document: a cursor moves down the page and a new
 * page starts whenever the next line, row or heading (kept with what follows) would not fit. Tables
 * repeat their header row on every page they continue on; a row taller than a page is split.
 */
export class ReportLayout {
  readonly pages: PDFPage[] = [];
  readonly outline: OutlineEntry[] = [];
  private page!: PDFPage;
  private y = 0;
  private readonly left = MARGIN.left;
  private readonly right = A4.width - MARGIN.right;
  private readonly bottom = MARGIN.bottom + FOOTER;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: SheetFonts,
  ) {}

  render(r: ReportDoc): void {
    this.newPage();
    this.y -= 20;
    for (const l of wrap(this.fonts.heading, r.title, 18, this.width)) {
      centred(this.page, this.fonts.heading, l, this.y, 18);
      this.y -= leading(18);
    }
    if (r.subtitle) {
      for (const l of wrap(this.fonts.body, r.subtitle, 12, this.width)) {
        centred(this.page, this.fonts.body, l, this.y, 12);
        this.y -= leading(12);
      }
    }
    this.y -= 8;
    for (const b of r.blocks) this.block(b);
    this.footers();
  }

  private get width(): number {
    return this.right - this.left;
  }

  private newPage(): void {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.pages.push(this.page);
    this.y = A4.height - MARGIN.top;
  }

  /** Starts a new page unless `h` points still fit above the footer. */
  private need(h: number): boolean {
    if (this.y - h >= this.bottom) return false;
    this.newPage();
    return true;
  }

  private block(b: ReportBlock): void {
    if (b.kind === 'heading') this.heading(b.text, b.level ?? 1);
    else if (b.kind === 'paragraph') this.paragraph(b.text);
    else if (b.kind === 'fields') this.fields(b.rows);
    else if (b.kind === 'table') this.table(b.columns, b.rows);
    else this.signatures(b.labels);
  }

  private heading(s: string, level: 1 | 2): void {
    const size = level === 1 ? 14 : 12;
    const lines = wrap(this.fonts.heading, s, size, this.width);
    // Keep the heading with at least three lines of what follows.
    this.need(lines.length * leading(size) + 8 + 3 * leading(BODY));
    this.y -= level === 1 ? 8 : 4;
    this.outline.push({ title: s, pageIndex: this.pages.length - 1 });
    for (const l of lines) {
      this.y -= leading(size);
      text(this.page, this.fonts.heading, l, this.left, this.y + 4, size);
    }
    this.y -= 4;
  }

  private paragraph(s: string): void {
    for (const l of wrap(this.fonts.body, s, BODY, this.width)) {
      this.need(leading(BODY));
      this.y -= leading(BODY);
      text(this.page, this.fonts.body, l, this.left, this.y + 3, BODY);
    }
    this.y -= 6;
  }

  private fields(rows: readonly (readonly [string, string])[]): void {
    const widest = Math.max(0, ...rows.map(([l]) => this.fonts.heading.widthOfTextAtSize(printable(this.fonts.heading, l), BODY)));
    const labelWidth = Math.min(widest + 12, this.width * 0.38);
    const lh = leading(BODY);
    const pageRoom = () => Math.floor((this.y - this.bottom - 6) / lh);
    for (const [label, value] of rows) {
      const labelLines = wrap(this.fonts.heading, label, BODY, labelWidth - 8);
      const valueLines = wrap(this.fonts.body, value, BODY, this.width - labelWidth);
      const rowLines = Math.max(labelLines.length, valueLines.length);
      // A row that fits on a fresh page is never split; a longer one continues on the next pages.
      if (rowLines > pageRoom()) this.newPage();
      let first = true;
      while (first || valueLines.length > 0) {
        if (!first) this.newPage();
        const take = valueLines.splice(0, Math.max(1, pageRoom()));
        if (first) labelLines.forEach((l, i) => text(this.page, this.fonts.heading, l, this.left, this.y - (i + 1) * lh + 3, BODY));
        take.forEach((l, i) => text(this.page, this.fonts.body, l, this.left + labelWidth, this.y - (i + 1) * lh + 3, BODY));
        this.y -= Math.max(take.length, first ? labelLines.length : 0) * lh + 6;
        line(this.page, this.left + labelWidth - 4, this.y + 3, this.right, this.y + 3, 0.5);
        first = false;
      }
    }
    this.y -= 6;
  }

  private table(columns: readonly { title: string; width: number }[], rows: readonly (readonly string[])[]): void {
    const total = columns.reduce((s, c) => s + Math.max(0, c.width), 0) || columns.length;
    const widths = columns.map((c) => ((total === columns.length && c.width <= 0 ? 1 : Math.max(0, c.width)) / total) * this.width);
    const xs = widths.reduce<number[]>((acc, w, i) => [...acc, (acc[i] ?? this.left) + w], [this.left]);
    const lh = leading(TABLE);
    const cellLines = (cells: readonly string[], font: SheetFonts['body']) => widths.map((w, i) => wrap(font, cells[i] ?? '', TABLE, w - 2 * CELL_PAD));
    const header = cellLines(
      columns.map((c) => c.title),
      this.fonts.heading,
    );
    const headerH = Math.max(1, ...header.map((l) => l.length)) * lh + 2 * CELL_PAD;
    const drawRow = (lines: string[][], h: number, font: SheetFonts['body']) => {
      for (let i = 0; i < widths.length; i++) {
        box(this.page, xs[i]!, this.y - h, widths[i]!, h, 0.5);
        (lines[i] ?? []).forEach((l, k) => text(this.page, font, l, xs[i]! + CELL_PAD, this.y - CELL_PAD - (k + 1) * lh + 2.5, TABLE));
      }
      this.y -= h;
    };
    const drawHeader = () => drawRow(header, headerH, this.fonts.heading);
    this.need(headerH + lh + 2 * CELL_PAD);
    drawHeader();
    for (const r of rows) {
      let rest = cellLines(r, this.fonts.body);
      for (;;) {
        const want = Math.max(1, ...rest.map((l) => l.length));
        const room = Math.floor((this.y - this.bottom - 2 * CELL_PAD) / lh);
        if (room < Math.min(want, 2)) {
          this.newPage();
          drawHeader();
          continue;
        }
        const take = Math.min(want, room);
        drawRow(
          rest.map((l) => l.slice(0, take)),
          take * lh + 2 * CELL_PAD,
          this.fonts.body,
        );
        rest = rest.map((l) => l.slice(take));
        if (!rest.some((l) => l.length > 0)) break;
        this.newPage();
        drawHeader();
      }
    }
    this.y -= 10;
  }

  private signatures(labels: readonly string[]): void {
    const colW = this.width / 2;
    const h = leading(BODY) * 2.5;
    for (let i = 0; i < labels.length; i += 2) {
      this.need(h);
      this.y -= h;
      for (let c = 0; c < 2 && i + c < labels.length; c++) {
        const x = this.left + c * colW;
        const label = `${labels[i + c]!}：`;
        text(this.page, this.fonts.heading, label, x, this.y, BODY);
        const lx = x + this.fonts.heading.widthOfTextAtSize(printable(this.fonts.heading, label), BODY) + 2;
        line(this.page, lx, this.y - 2, x + colW - 16, this.y - 2, 0.5);
      }
    }
    this.need(leading(BODY) * 2);
    this.y -= leading(BODY) * 2;
    text(this.page, this.fonts.body, '日期：        年      月      日', this.left + colW, this.y, BODY);
    this.y -= 6;
  }

  /** 第 n 页 共 m 页 at the foot of every page, once the page count is known. */
  private footers(): void {
    const m = this.pages.length;
    this.pages.forEach((p, i) => centred(p, this.fonts.body, `第 ${i + 1} 页 共 ${m} 页`, MARGIN.bottom - 4, 9));
  }
}
