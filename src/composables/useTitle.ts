import { type MaybeRefOrGetter, toValue, watchEffect } from 'vue'

/** Sets document.title to "<title> · Selah" for as long as the calling view is alive. */
export function useTitle(title: MaybeRefOrGetter<string>) {
  watchEffect(() => {
    document.title = `${toValue(title)} · Selah`
  })
}
