import { mount, type VueWrapper } from '@vue/test-utils'
import { beforeEach, describe, expect, it } from 'vitest'
import AppearanceSection from '~/components/settings/AppearanceSection.vue'
import { APPEARANCE_KEY } from '~/utils/appearance'

const html = document.documentElement

/** The radio labelled `name` inside the group whose legend reads `legend`. */
function radio(wrapper: VueWrapper, legend: string, name: string) {
  const group = wrapper.findAll('fieldset').find(fieldset => fieldset.find('legend').text() === legend)
  expect(group, `a group "${legend}"`).toBeTruthy()
  const label = group!.findAll('label').find(label => label.text() === name)
  expect(label, `a radio labelled "${name}"`).toBeTruthy()
  return label!.get('input[type="radio"]')
}

const checkedIn = (wrapper: VueWrapper, legend: string) => wrapper.findAll('fieldset')
  .find(fieldset => fieldset.find('legend').text() === legend)!
  .findAll('label').filter(label => (label.get('input').element as HTMLInputElement).checked).map(label => label.text())

describe('AppearanceSection', () => {
  beforeEach(() => {
    localStorage.clear()
    html.removeAttribute('data-theme')
    html.removeAttribute('data-text-size')
  })

  it('offers a theme and a text size, each a labelled radio group, the device\'s own at first', () => {
    const wrapper = mount(AppearanceSection)
    expect(wrapper.get('h2').text()).toBe('Appearance')
    expect(wrapper.findAll('legend').map(legend => legend.text())).toEqual(['Theme', 'Text size'])
    const groups = wrapper.findAll('fieldset').map(fieldset => fieldset.findAll('label').map(label => label.text()))
    expect(groups).toEqual([['Same as this device', 'Light', 'Dark'], ['Standard', 'Large', 'Larger']])
    // Each radio is inside its label, and the radios of a group share one name.
    for (const fieldset of wrapper.findAll('fieldset')) {
      const inputs = fieldset.findAll('input[type="radio"]')
      expect(inputs.every(input => input.element.closest('label') !== null)).toBe(true)
      expect(new Set(inputs.map(input => input.attributes('name'))).size).toBe(1)
    }
    expect(checkedIn(wrapper, 'Theme')).toEqual(['Same as this device'])
    expect(checkedIn(wrapper, 'Text size')).toEqual(['Standard'])
  })

  it('saves a choice and sets it on <html> at once', async () => {
    const wrapper = mount(AppearanceSection)
    await radio(wrapper, 'Theme', 'Dark').setValue(true)
    expect(html.getAttribute('data-theme')).toBe('dark')
    expect(JSON.parse(localStorage.getItem(APPEARANCE_KEY)!)).toEqual({ theme: 'dark', textSize: 'standard' })

    await radio(wrapper, 'Text size', 'Larger').setValue(true)
    expect(html.getAttribute('data-text-size')).toBe('larger')
    expect(html.getAttribute('data-theme')).toBe('dark')
    expect(JSON.parse(localStorage.getItem(APPEARANCE_KEY)!)).toEqual({ theme: 'dark', textSize: 'larger' })

    await radio(wrapper, 'Theme', 'Same as this device').setValue(true)
    expect(html.hasAttribute('data-theme')).toBe(false)
    expect(JSON.parse(localStorage.getItem(APPEARANCE_KEY)!)).toEqual({ theme: 'system', textSize: 'larger' })
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
  })

  it('shows the saved choice when opened again', () => {
    localStorage.setItem(APPEARANCE_KEY, JSON.stringify({ theme: 'light', textSize: 'large' }))
    const wrapper = mount(AppearanceSection)
    expect(checkedIn(wrapper, 'Theme')).toEqual(['Light'])
    expect(checkedIn(wrapper, 'Text size')).toEqual(['Large'])
  })
})
