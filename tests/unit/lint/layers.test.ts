// @vitest-environment node
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

/** Lints `code` as if it were the file at `filePath`, and gives the import rule's messages. */
async function importProblems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result!.messages.filter(m => m.ruleId === 'no-restricted-imports').map(m => m.message)
}

const eslint = new ESLint()

describe('the linter keeps the layers of src/ pointing one way', () => {
  it('refuses an import that points up: the pure parser reaching for the database', async () => {
    for (const source of ['~/db', '../db', '../db/entries']) {
      const problems = await importProblems('src/briefings/parse.ts', `import { db } from '${source}'\nvoid db\n`)
      expect(problems.join('\n')).toContain('src/briefings may import only src/utils')
    }
  })

  it('refuses sideways imports, Vue in the data rooms, and Node-only code in the browser', async () => {
    expect(await importProblems('src/backup/export.ts', `import { syncFeed } from '~/feed/sync'\nvoid syncFeed\n`)).toHaveLength(1)
    expect(await importProblems('src/feed/sync.ts', `import { createBackup } from '~/backup/export'\nvoid createBackup\n`)).toHaveLength(1)
    expect((await importProblems('src/db/entries.ts', `import { toRaw } from 'vue'\nvoid toRaw\n`))[0]).toContain('knows nothing of Vue')
    expect(await importProblems('src/stores/feed.ts', `import { useDraft } from '~/composables/useDraft'\nvoid useDraft\n`)).toHaveLength(1)
    expect(await importProblems('src/components/common/ReadError.vue', `<script setup lang="ts">\nimport { router } from '~/router'\nvoid router\n</script>\n`)).toHaveLength(1)
    expect(await importProblems('src/feed/sync.ts', `import { loadFeed } from './node/files'\nvoid loadFeed\n`)).toHaveLength(1)
    expect(await importProblems('src/cli/bench.ts', `import { db } from '../db/index.ts'\nvoid db\n`)).toHaveLength(1)
  })

  it('lets only src/db take the database itself', async () => {
    expect((await importProblems('src/views/JournalView.vue', `<script setup lang="ts">\nimport { db } from '~/db'\nvoid db\n</script>\n`))[0]).toContain('Only src/db touches tables')
    expect(await importProblems('src/App.vue', `<script setup lang="ts">\nimport { db } from '~/db'\nvoid db\n</script>\n`)).toHaveLength(1)
    expect(await importProblems('src/db/entries.ts', `import { db } from './index'\nvoid db\n`)).toEqual([])
  })

  it('allows what the map allows', async () => {
    expect(await importProblems('src/views/JournalView.vue', `<script setup lang="ts">\nimport { useJournal } from '~/composables/useJournal'\nimport { addEntry } from '~/db/entries'\nvoid useJournal\nvoid addEntry\n</script>\n`)).toEqual([])
    expect(await importProblems('src/feed/node/plugin.ts', `import { buildFeed } from '../build.ts'\nimport { parseBriefing } from '../../briefings/parse.ts'\nvoid buildFeed\nvoid parseBriefing\n`)).toEqual([])
    expect(await importProblems('src/stores/database.ts', `import { NewerDatabaseError } from '~/db'\nvoid NewerDatabaseError\n`)).toEqual([])
  })
})
