import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './UsageError.js';

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<T extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: T; strict: true; allowPositionals: boolean }>
>;

/**
 * `parseArgs`, strict, with its errors turned into messages that name the flag and the
 * command (`sites create: unknown option --nmae`). Arguments that are not flags are
 * refused unless `allowPositionals` (a command that takes a file).
 */
export function parseFlags<T extends Options>(
  command: string,
  args: string[],
  options: T,
  allowPositionals = false,
): Parsed<T> {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    const flag = /'(-{1,2}[^'\s]+)/.exec(message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      throw new UsageError(`${command}: unknown option ${flag ?? message}`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new UsageError(`${command}: ${flag ?? 'an option'} needs a value`);
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      const extra = /'([^']*)'/.exec(message)?.[1];
      throw new UsageError(`${command}: unexpected argument ${extra ? `"${extra}"` : ''}`.trim());
    }
    throw new UsageError(`${command}: ${message}`);
  }
}
