import type { CallContext } from '../api/context.js';
import type { OpName, OpOutput, OpParsedInput } from '../api/contract.js';

export type Handler<N extends OpName> = (input: OpParsedInput<N>, ctx: CallContext) => Promise<OpOutput<N>>;
/** A domain's slice of the contract. */
export type HandlerMap<K extends OpName> = { [N in K]: Handler<N> };
export type Handlers = HandlerMap<OpName>;
