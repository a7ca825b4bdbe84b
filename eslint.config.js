import pluginVue from 'eslint-plugin-vue'
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'

/**
 * The layers of src/ (README, "Where things live"), top first: a room may import the rooms above
 * it, never one beside or below it. feed and backup stand side by side. The shell (main.ts,
 * App.vue, router.ts) may import anything; nothing imports it. Node-only code (build, cli,
 * feed/node) may import only the pure rooms, and no browser room imports it.
 */
const LAYERS = [
  ['utils'],
  ['briefings'],
  ['db'],
  ['feed', 'backup'],
  ['stores'],
  ['composables'],
  ['components'],
  ['views'],
]
const SHELL = ['App\\.vue', 'router', 'main', 'mount']
const NODE_ONLY = ['build', 'cli', 'feed/node']
const VUE_FREE = ['briefings', 'db', 'feed', 'backup']

/** Only src/db opens a table or a transaction: everyone else calls its verbs. */
const TABLES_STAY_IN_DB = [
  {
    regex: '^(?:~/|(?:\\.\\./)+)db(?:/index)?$',
    importNames: ['db'],
    message: 'Only src/db touches tables and transactions: call (or add) a verb in src/db instead of using the database itself.',
  },
  {
    regex: '^(?:~/|(?:\\.\\./)+)db/schema$',
    importNames: ['SelahDatabase'],
    message: 'Only src/db opens the database: call (or add) a verb in src/db.',
  },
]

/** An import of one of `rooms`, written either as `~/room/...` or as `../room/...`. */
const importOf = rooms => `^(?:~/|(?:\\.\\./)+)(?:${rooms.join('|')})(?:[/.]|$)`

function layerRules(room, level) {
  const allowed = LAYERS.slice(0, level).flat()
  const below = LAYERS.slice(level).flat().filter(other => other !== room)
  const where = allowed.length ? `only ${allowed.map(r => `src/${r}`).join(', ')}` : 'nothing else of the app'
  const patterns = [{
    regex: importOf([...below, ...SHELL, ...NODE_ONLY]),
    message: `src/${room} may import ${where}; this import points up or sideways in the layers (README, "Where things live").`,
  }]
  if (room !== 'db') patterns.push(...TABLES_STAY_IN_DB)
  if (room === 'feed') {
    patterns.push({ regex: '^\\./node(?:/|$)', message: 'src/feed/node runs in Node only (the build plugin); browser code cannot import it.' })
  }
  if (VUE_FREE.includes(room)) {
    patterns.push({ regex: '^(?:vue|pinia|vue-router|@vueuse/.*)$', message: `src/${room} knows nothing of Vue: keep reactivity in stores and composables.` })
  }
  return {
    files: [`src/${room}/**/*.{ts,vue}`],
    ignores: NODE_ONLY.map(dir => `src/${dir}/**`),
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  }
}

export default defineConfigWithVueTs(
  { ignores: ['dist/**', 'dev-dist/**', 'node_modules/**', 'coverage/**'] },
  pluginVue.configs['flat/recommended'],
  vueTsConfigs.recommended,
  {
    rules: {
      // Briefings and imports come from outside: content is rendered as text, never as HTML.
      'vue/no-v-html': 'error',
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  ...LAYERS.flatMap((rooms, level) => rooms.map(room => layerRules(room, level))),
  {
    files: ['src/*.{ts,vue}'],
    rules: { 'no-restricted-imports': ['error', { patterns: TABLES_STAY_IN_DB }] },
  },
  {
    files: NODE_ONLY.map(dir => `src/${dir}/**/*.ts`),
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{
          regex: importOf(['db', 'stores', 'composables', 'components', 'views', 'backup', ...SHELL]),
          message: 'Node-only code (build, cli, feed/node) may import only the pure rooms: src/utils, src/briefings, src/feed and src/build.',
        }],
      }],
    },
  },
  {
    files: ['src/cli/**', 'src/build/**', 'src/feed/node/**', 'tests/**', '*.config.*'],
    rules: { 'no-console': 'off' },
  },
)
