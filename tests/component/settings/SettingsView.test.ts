import { describe, expect, it } from 'vitest'
import { mountRoute, until, useComponentTestSetup } from '../helpers'

useComponentTestSetup()

describe('SettingsView', () => {
  it('is one page with an h1 and a section (h2) for each thing it looks after, in order', async () => {
    const { wrapper } = await mountRoute('/settings')
    expect(wrapper.get('h1').text()).toBe('Settings')
    expect(document.title).toBe('Settings · Selah')
    // The sections below the first screen draw a task later.
    await until(() => expect(wrapper.findAll('h2').map(h => h.text())).toEqual([
      'Daily prayer time', 'Today', 'Appearance', 'Back up your journal', 'Restore from a backup', 'Prayer book', 'Briefings on this device', 'Install Selah', 'Storage on this device',
    ]))
    for (const section of wrapper.findAll('section')) {
      expect(wrapper.get(`[id="${section.attributes('aria-labelledby')}"]`).element.tagName).toBe('H2')
    }
    await until(() => expect(wrapper.text()).toContain('No backup made on this device yet'))
  })
})
