import { addDocument } from '../documents/add-document.js';
import { removeDocument, updateDocument, updatePage } from '../documents/edit-document.js';
import { type HandlerDeps, userOf } from './deps.js';
import type { HandlerMap } from './types.js';

type DocumentOps = 'document.add' | 'document.update' | 'document.remove' | 'page.update';

/** 文书: file a document from staged uploads, edit its description, remove it, mark its pages. */
export function documentHandlers(deps: HandlerDeps): HandlerMap<DocumentOps> {
  return {
    'document.add': async (i, ctx) => addDocument(deps, userOf(ctx), i),
    'document.update': async (i, ctx) => updateDocument(deps, userOf(ctx), i),
    'document.remove': async ({ id, reason }, ctx) => removeDocument(deps, userOf(ctx), id, reason),
    'page.update': async (i, ctx) => updatePage(deps, userOf(ctx), i),
  };
}
