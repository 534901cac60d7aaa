import sharp from 'sharp';

/**
 * The picture OCR reads: one page of a stored image (a multi-page TIFF has several), turned as it is
 * displayed (EXIF orientation applied — the PDF writer places it the same way), in grey, as a PNG
 * tesseract.js decodes itself. Its size is that of the displayed page, which the line boxes refer to.
 */
export async function ocrPageImage(file: string, page: number): Promise<{ image: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(file, { page, limitInputPixels: 20000 * 20000 })
    .rotate()
    .greyscale()
    .png({ compressionLevel: 1 })
    .toBuffer({ resolveWithObject: true });
  return { image: data, width: info.width, height: info.height };
}
