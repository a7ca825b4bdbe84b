import type { Plugin, Rollup } from 'vite'

type OutputChunk = Rollup.OutputChunk

/**
 * The entry (src/main.ts) draws the saved first screen, lets it paint, then imports the app
 * (src/mount.ts). The saved screen is the app's own markup, so the app's styles must be there
 * before it paints: this puts the CSS of the app's chunk (and of every chunk it imports) into the
 * built index.html as stylesheets, where the entry's own CSS already is. The app's scripts are
 * deliberately not preloaded: a modulepreload compiles on the main thread and held the first paint
 * back by 60-100 ms, about what it saved the live list. Build only.
 */
export function appStylesFirst(appModule = '/src/mount.ts'): Plugin {
  return {
    name: 'selah:app-styles-first',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle
        if (!bundle) return html
        const chunks = Object.values(bundle).filter((output): output is OutputChunk => output.type === 'chunk')
        const app = chunks.find(chunk => chunk.facadeModuleId?.endsWith(appModule))
        if (!app) throw new Error(`app-styles-first: no chunk for ${appModule} in the bundle`)
        const byName = new Map(chunks.map(chunk => [chunk.fileName, chunk]))
        const seen = new Set<string>()
        const styles = new Set<string>()
        const visit = (chunk: OutputChunk | undefined) => {
          if (!chunk || seen.has(chunk.fileName)) return
          seen.add(chunk.fileName)
          for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css)
          for (const name of chunk.imports) visit(byName.get(name))
        }
        visit(app)
        const links = [...styles]
          .filter(file => !html.includes(`"/${file}"`))
          .map(file => `  <link rel="stylesheet" crossorigin href="/${file}">\n  `)
        return html.replace('</head>', `${links.join('')}</head>`)
      },
    },
  }
}
