import type { Command, Option } from 'commander';
import { UsageError } from './usage-error.js';

// An option names a file when its value placeholder says so: `-o, --out <file>`, `--data <folder>`.
const filePlaceholder = /<(?:file|folder)>/;

function takesValue(option: Option): boolean {
  return option.required || option.optional;
}

function looksLikeOption(value: string | undefined): value is string {
  return value !== undefined && value.length > 1 && value.startsWith('-');
}

function refuse(option: Option, value: string): UsageError {
  const flag = option.long ?? option.short ?? option.flags;
  return new UsageError(
    `Invalid ${flag} "${value}": it looks like an option; give a file name, or write ${flag}=${value} if it is one.`,
  );
}

/** Finds `argument`'s option among `options` (`--out`, `-o`). */
function optionOf(options: readonly Option[], argument: string): Option | undefined {
  return options.find((option) => option.long === argument || option.short === argument);
}

/**
 * Checks the arguments after a subcommand the way commander reads them: `--json --quiet` would
 * take "--quiet" as the file name, so a file option whose value was a separate argument that
 * starts with "-" (other than "-" itself) is refused. Values attached by the user (`--json=--quiet`,
 * `-j--quiet`) are taken as written.
 */
function checkArguments(options: readonly Option[], args: readonly string[]): void {
  for (let i = 0; i < args.length; i++) {
    const argument = args[i] as string;
    if (argument === '--') return;
    const exact = optionOf(options, argument);
    if (exact !== undefined) {
      if (!exact.required) continue;
      const value = args[++i];
      if (filePlaceholder.test(exact.flags) && looksLikeOption(value)) throw refuse(exact, value);
      continue;
    }
    // A group of short options, like -qj: booleans, then at most one that takes a value.
    if (/^-[^-]/.test(argument) && argument.length > 2) {
      for (let at = 1; at < argument.length; at++) {
        const option = optionOf(options, `-${argument[at]}`);
        if (option === undefined || !takesValue(option)) continue;
        if (at === argument.length - 1 && option.required) {
          const value = args[++i];
          if (filePlaceholder.test(option.flags) && looksLikeOption(value)) {
            throw refuse(option, value);
          }
        }
        break;
      }
    }
  }
}

/**
 * Refuses a file option's value that looks like an option (`run --json --quiet`, `--out -x`):
 * one UsageError line, exit code 2. Run on the user's argv before commander parses it; a
 * subcommand's options are file options when their placeholder is `<file>` or `<folder>`.
 */
export function checkFileFlagValues(program: Command, argv: readonly string[]): void {
  const at = argv.findIndex((argument) => !argument.startsWith('-'));
  const name = argv[at];
  const command = program.commands.find(
    (c) => c.name() === name || c.aliases().includes(name ?? ''),
  );
  if (command === undefined) return;
  checkArguments(command.options, argv.slice(at + 1));
}
