import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import TodaySection from '~/components/settings/TodaySection.vue'
import { getSetting, setSetting } from '~/db/settings'
import { field, until, useComponentTestSetup } from '../helpers'

useComponentTestSetup()

async function mountSection() {
  const wrapper = mount(TodaySection, { attachTo: document.body })
  await until(() => expect(field(wrapper, 'Requests from each list each day').attributes('disabled')).toBeUndefined())
  return wrapper
}

const select = (wrapper: Awaited<ReturnType<typeof mountSection>>) => field(wrapper, 'Requests from each list each day').element as HTMLSelectElement

describe('TodaySection', () => {
  it('offers 1 to 5 requests from each list, 2 at first, and keeps the choice', async () => {
    const wrapper = await mountSection()
    expect(wrapper.get('h2').text()).toBe('Today')
    expect([...select(wrapper).options].map(option => option.text)).toEqual(['1', '2', '3', '4', '5'])
    expect(select(wrapper).value).toBe('2')
    await field(wrapper, 'Requests from each list each day').setValue('4')
    await until(async () => expect(await getSetting('todayPerList')).toBe(4))
    wrapper.unmount()
    expect(select(await mountSection()).value).toBe('4')
  })

  it('shows a number restored from elsewhere rather than pretend', async () => {
    await setSetting('todayPerList', 8)
    const wrapper = await mountSection()
    expect(select(wrapper).value).toBe('8')
    expect([...select(wrapper).options].map(option => option.text)).toEqual(['8', '1', '2', '3', '4', '5'])
  })
})
