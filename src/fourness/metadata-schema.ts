import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { resourcesDir } from '../resources/paths.js';

/** The schema of data/metadata.xml, shipped with the app (resources/schema/). */
export function metadataSchemaPath(): string {
  return path.join(resourcesDir(), 'schema', 'transfer-package.xsd');
}

export interface SchemaResult {
  valid: boolean;
  /** libxml2's messages, each with its line (`metadata.xml:12: …`). */
  errors: string[];
}

/**
 * Validates a metadata.xml against the shipped XSD with libxml2 (xmllint compiled to WebAssembly:
 * the npm package xmllint-wasm, which runs in Node and Electron without native code or a system
 * libxml2). It runs on a worker thread; a document that does not parse gives libxml2's parser error.
 */
export async function validateMetadata(xml: string, schemaFile: string = metadataSchemaPath()): Promise<SchemaResult> {
  const [{ validateXML }, schema] = await Promise.all([import('xmllint-wasm'), readFile(schemaFile, 'utf8')]);
  const r = await validateXML({ xml: [{ fileName: 'metadata.xml', contents: xml }], schema: [{ fileName: path.basename(schemaFile), contents: schema }] });
  const errors = r.errors.filter((e) => e.loc !== null || /error/i.test(e.message)).map((e) => e.rawMessage.trim());
  return { valid: r.valid, errors: r.valid ? [] : errors.length ? errors : [r.rawOutput.trim()] };
}
