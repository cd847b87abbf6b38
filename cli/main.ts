/**
 * objspec command line: `run`, `targets`, `bench`. Refused input (bad flags, unreadable file,
 * unknown target) prints one clear message and exits 2; never a JavaScript stack.
 */
import { Command, CommanderError, Option } from 'commander';
import { asRefusal } from './errors';
import { runCommand } from './run';
import { targetsCommand } from './list';
import { closeTargets } from './targets';

function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('objspec')
    .description("objspec: CPython's object identity model, checked against real interpreters")
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  program
    .command('run')
    .description('run a Python file on one or more targets and print what each printed')
    .argument('<file>', "Python file, or '-' for standard input")
    .requiredOption('-t, --target <targets>', "target(s): cpython:3.13, native:/path/to/python, comma-separated, or 'all'")
    .addOption(new Option('--time-limit <seconds>', 'time limit per program, in seconds (default 5)'))
    .option('--fresh', 'use a freshly started interpreter: a new Pyodide instance, or a plain `python FILE.py` process for native targets')
    .addOption(new Option('--mode <mode>', 'model targets: run as a file (module) or statement by statement as the interactive prompt does (repl)').choices(['module', 'repl']).default('module'))
    .option('--trace <file>', "model targets: write the heap after each statement as JSON lines to FILE ('-': standard output, after the program's output)")
    .action(async (file: string, options: { target: string; timeLimit?: string; fresh?: boolean; mode: 'module' | 'repl'; trace?: string }) =>
      setExit(await runCommand(file, options)),
    );

  program
    .command('targets')
    .description('list the targets available here, with exact versions and platforms')
    .action(async () => setExit(await targetsCommand()));

  program
    .command('bench')
    .description('run the benchmarks (bench/*.bench.ts) and write results/bench.json')
    .action(async () => {
      const { runBenchmarks } = await import('../bench/run');
      setExit(await runBenchmarks());
    });

  return program;
}

async function main(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const program = buildProgram((code) => (exitCode = code));
  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2; // help/version: 0; bad flags: 2
    const refusal = asRefusal(error);
    if (!refusal) throw error;
    process.stderr.write(`objspec: ${refusal.message}\n`);
    return refusal.exitCode;
  } finally {
    await closeTargets();
  }
}

process.exitCode = await main(process.argv);
