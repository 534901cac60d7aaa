import type { ParseArgsConfig } from 'node:util';

export interface CommandArgs {
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
  json: boolean;
}

/** One CLI command: its options (node:util parseArgs) and what it does. */
export interface Command {
  name: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(args: CommandArgs): Promise<void>;
}
