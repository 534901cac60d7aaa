import { addDocument } from '../documents/add-document.js';
import { registerCaseFile } from '../documents/register-case-file.js';
import { removeDocument, updateDocument, updatePage } from '../documents/edit-document.js';
import { type HandlerDeps, userOf } from './deps.js';
import type { HandlerMap } from './types.js';

type DocumentOps = 'case.register' | 'document.add' | 'document.update' | 'document.remove' | 'page.update';

/** 文书: register a case file with its documents, file a document from staged uploads, edit its description, remove it, mark its pages. */
export function documentHandlers(deps: HandlerDeps): HandlerMap<DocumentOps> {
  return {
    'case.register': async (i, ctx) => registerCaseFile(deps, userOf(ctx), i),
    'document.add': async (i, ctx) => addDocument(deps, userOf(ctx), i),
    'document.update': async (i, ctx) => updateDocument(deps, userOf(ctx), i),
    'document.remove': async ({ id, reason }, ctx) => removeDocument(deps, userOf(ctx), id, reason),
    'page.update': async (i, ctx) => updatePage(deps, userOf(ctx), i),
  };
}
