import type { exportZhCN } from './export.zh-CN.js';

/** English for dossier export; same keys as export.zh-CN.ts. */
export const exportEn: Record<keyof typeof exportZhCN, string> = {
  'export.title': 'Export',
  'export.open': 'Export',
  'export.openTip': 'Export the sealed dossier as PDF/A files, optionally with a transfer package',
  'export.modalTitle': 'Export dossier · {name}',
  'export.intro':
    'Each volume is written as a PDF/A-2b file for long-term keeping and read back after writing (page count, embedded fonts, SHA-256 and SM3 digests).',
  'export.out': 'Export to folder',
  'export.outHelp': 'A full path; a folder “{name}” is created inside it (the folder itself is created if missing).',
  'export.outPlaceholder': 'e.g. D:\\Exports or /home/dangan/exports',
  'export.outRequired': 'Enter the folder to export into',
  'export.package': 'Also build the transfer package (移交包)',
  'export.packageHelp':
    'A BagIt package with the volume PDFs, the original footage and metadata.xml, with SHA-256 and SM3 manifests, for the receiving archive to check.',
  'export.start': 'Start export',
  'export.cancel': 'Cancel',
  'export.close': 'Close',
  'export.running': 'Exporting',
  'export.pages': '{done}/{total} pages done',
  'export.packing': 'Building the transfer package: {item}',
  'export.cancelling': 'Cancelling…',
  'export.cancelled': 'Export cancelled; no files were left behind',
  'export.done': 'Export finished',
  'export.doneDesc': '{volumes} volume(s), {pages} pages in {seconds} s; read back and checked.',
  'export.folder': 'Output folder',
  'export.packageFolder': 'Transfer package',
  'export.oxum': 'Payload-Oxum',
  'export.footage': '{n} original footage file(s)',
  'export.footageMissing': 'Originals not included (disposed of or missing): {names}',
  'export.col.file': 'File',
  'export.col.pages': 'Pages',
  'export.col.size': 'Size',
  'export.col.digests': 'Digests',
  'export.volumeDefault': 'Volume',
};
