/**
 * Command-line tool for briefing files. Other tools rely on `parse` exactly:
 *   npm run --silent briefing -- parse <file>        one Briefing as JSON on stdout, exit 0
 *   npm run --silent briefing -- validate <file...>  "file: ok" per good file, exit 0 when all are good
 * A text that is not a briefing, or a file that cannot be read: one line on stderr, exit 1.
 * Wrong usage: one line on stderr, exit 2.
 */
import { describeProblem, readBriefingFile } from '../feed/node/files.ts'

const USAGE = 'Usage: npm run --silent briefing -- parse <file> | validate <file...>'

class UsageError extends Error {}

async function parse(args: string[]): Promise<number> {
  const [file] = args
  if (args.length !== 1 || !file) throw new UsageError(`parse needs exactly one file. ${USAGE}`)
  const result = await readBriefingFile(file)
  if (!result.ok) {
    process.stderr.write(`${describeProblem(file, result.problem)}\n`)
    return 1
  }
  process.stdout.write(`${JSON.stringify(result.briefing, null, 2)}\n`)
  return 0
}

async function validate(files: string[]): Promise<number> {
  if (!files.length) throw new UsageError(`validate needs at least one file. ${USAGE}`)
  let failed = 0
  for (const file of files) {
    try {
      const result = await readBriefingFile(file)
      if (result.ok) process.stdout.write(`${file}: ok, ${result.briefing.pointers.length} pointers\n`)
      else {
        failed++
        process.stderr.write(`${describeProblem(file, result.problem)}\n`)
      }
    } catch (error) {
      failed++
      process.stderr.write(`${(error as Error).message}\n`)
    }
  }
  return failed ? 1 : 0
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv
  try {
    if (command === 'parse') return await parse(args)
    if (command === 'validate') return await validate(args)
    if (command === 'help' || command === '--help' || command === '-h') {
      process.stdout.write(`${USAGE}\n`)
      return 0
    }
    throw new UsageError(command ? `Unknown command "${command}". ${USAGE}` : USAGE)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    process.stderr.write(`${message.replace(/\s+/g, ' ').trim()}\n`)
    return error instanceof UsageError ? 2 : 1
  }
}

// A closed pipe (`... | head`) is not an error worth a stack trace.
process.stdout.on('error', () => process.exit(0))
process.exitCode = await main(process.argv.slice(2))
