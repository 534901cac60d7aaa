/**
 * "May this role call this operation?" — the contract's own answer (src/api/permissions.ts, the
 * same role lists invoke enforces). The renderer shows or hides a button by asking here, never by a
 * role list of its own. The one value import from src/api the layer test allows.
 */
export { mayCall } from '../../src/api/permissions';
