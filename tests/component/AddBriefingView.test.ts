import { describe, expect, it } from 'vitest'
import { db } from '~/db'
import { useUnsavedStore } from '~/stores/unsaved'
import { button, field, hasButton, mountRoute, until, useComponentTestSetup } from './helpers'

useComponentTestSetup()

const pasted = `Date: 2025-10-01
Sudan: Aid Reaches El Fasher

Aid convoys reached the city this week.

Prayer Points
* Praise: for the drivers. "Cast all your anxiety on him because he cares for you." 1 Peter 5:7
* Pray for food and medicine to reach every family.
`

describe('AddBriefingView', () => {
  it('explains in plain words what is missing, and offers no Save', async () => {
    const { wrapper } = await mountRoute('/add')
    expect(wrapper.get('h1').text()).toBe('Add a briefing')
    expect(document.title).toBe('Add a briefing · Selah')
    await field(wrapper, 'Briefing text').setValue('A title\n\nOnly an article.\n')
    await button(wrapper, 'Preview').trigger('submit')
    const alert = wrapper.get('[role="alert"]')
    expect(alert.text()).toMatch(/pointer/i)
    expect(alert.text()).not.toMatch(/Error:|undefined/)
    expect(hasButton(wrapper, 'Save briefing')).toBe(false)
  })

  it('previews a pasted briefing (title, date, pointer count, pointers) and saves it as added by hand', async () => {
    const { wrapper, router } = await mountRoute('/add')
    await field(wrapper, 'Briefing text').setValue(pasted)
    expect(useUnsavedStore().hasUnsaved).toBe(true)
    await button(wrapper, 'Preview').trigger('submit')
    const preview = wrapper.get('section.preview')
    expect(preview.get('h2').text()).toBe('Sudan: Aid Reaches El Fasher')
    expect(preview.get('time').attributes('datetime')).toBe('2025-10-01')
    expect(preview.text()).toContain('2 prayer pointers')
    expect(preview.findAll('li')).toHaveLength(2)
    expect(preview.get('cite').text()).toBe('1 Peter 5:7')

    await button(wrapper, 'Save briefing').trigger('click')
    await until(() => expect(router.currentRoute.value.path).toBe('/briefings/2025-10-01-sudan-aid-reaches-el-fasher'))
    expect((await db.briefings.get('2025-10-01-sudan-aid-reaches-el-fasher'))?.source).toBe('pasted')
  })

  it('hides a preview once the text changes, until it is previewed again', async () => {
    const { wrapper } = await mountRoute('/add')
    const text = field(wrapper, 'Briefing text')
    await text.setValue(pasted)
    await button(wrapper, 'Preview').trigger('submit')
    expect(hasButton(wrapper, 'Save briefing')).toBe(true)
    await text.setValue(`${pasted}* Pray for the nurses.\n`)
    expect(hasButton(wrapper, 'Save briefing')).toBe(false)
  })

  it('opens a .txt file, takes the date from its name and previews it', async () => {
    const { wrapper } = await mountRoute('/add')
    const input = field(wrapper, 'Open a text file')
    const body = pasted.replace('Date: 2025-10-01\n', '')
    const file = new File([body], '2025-10-02-sudan-aid-reaches-el-fasher.txt', { type: 'text/plain' })
    Object.defineProperty(input.element, 'files', { value: [file] })
    await input.trigger('change')
    await until(() => expect(wrapper.find('section.preview').exists()).toBe(true))
    expect((field(wrapper, 'Briefing text').element as HTMLTextAreaElement).value).toBe(body)
    expect(wrapper.get('section.preview time').attributes('datetime')).toBe('2025-10-02')
  })

  it('reads a Windows-1252 file from an email client with its curly quotes intact', async () => {
    const { wrapper } = await mountRoute('/add')
    const input = field(wrapper, 'Open a text file')
    const ascii = (value: string) => [...value].map(c => c.charCodeAt(0))
    // “Blessed” in Windows-1252 is 0x93 … 0x94: not valid UTF-8.
    const bytes = new Uint8Array([...ascii('Floods\nPrayer Pointers\n- Pray: for shelter '), 0x93, ...ascii('Blessed'), 0x94, ...ascii(' Matthew 5:4\n')])
    Object.defineProperty(input.element, 'files', { value: [new File([bytes], 'floods.txt', { type: 'text/plain' })] })
    await input.trigger('change')
    await until(() => expect(wrapper.find('section.preview').exists()).toBe(true))
    expect((field(wrapper, 'Briefing text').element as HTMLTextAreaElement).value).toContain('“Blessed”')
  })
})
