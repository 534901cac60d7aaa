/**
 * The recognised text of one scanned page (OCR), as the catalogue keeps it and the PDF writer lays it
 * under the picture as invisible text. Coordinates are pixels of the page as displayed (EXIF
 * orientation applied), origin top left, so the writer can map them onto the placed image.
 */
export interface OcrLine {
  text: string;
  /** [x0, y0, x1, y1] in pixels of the displayed page. */
  bbox: readonly [number, number, number, number];
  /** 0–100, as the engine reports it. */
  confidence: number;
}

export interface OcrPageText {
  /** Width and height of the displayed page image the boxes refer to. */
  width: number;
  height: number;
  lines: readonly OcrLine[];
  /** Mean confidence of the page, 0–100. */
  confidence: number;
}

/** Below this mean confidence a page is flagged for a person to look at (and its text still kept). */
export const OCR_REVIEW_THRESHOLD = 60;
