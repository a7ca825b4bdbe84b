import { flushPromises, type VueWrapper } from '@vue/test-utils'
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
  it('explains in plain words what is wrong, and offers no Save', async () => {
    const { wrapper } = await mountRoute('/add')
    expect(wrapper.get('h1').text()).toBe('Add a briefing')
    expect(document.title).toBe('Add a briefing · Selah')
    await field(wrapper, 'Briefing text').setValue('Date: 2025-02-30\nA title\n\nPrayer Points\n- Pray for peace.\n')
    await button(wrapper, 'Preview').trigger('submit')
    const alert = wrapper.get('[role="alert"]')
    expect(alert.text()).toMatch(/not a real date/)
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

/** A letter with no heading and no numbered list: Selah cannot tell its prayer points. */
const letter = `Letter from Kisumu

Dear friends, thank you for praying with us this month.
Please pray for the new clinic and its two nurses.
We give thanks for rain on the farms after the dry season.
With love, Grace
`
const NURSES = 'Please pray for the new clinic and its two nurses.'
const RAIN = 'We give thanks for rain on the farms after the dry season.'

/** The checkbox whose label reads exactly `text`. */
function checkbox(root: VueWrapper, text: string) {
  const found = root.findAll('fieldset label').filter(label => label.text() === text)
  expect(found, `one checkbox named "${text}"`).toHaveLength(1)
  return found[0]!.get<HTMLInputElement>('input[type="checkbox"]')
}

async function pickLines(text = letter) {
  const mounted = await mountRoute('/add')
  await field(mounted.wrapper, 'Briefing text').setValue(text)
  await button(mounted.wrapper, 'Preview').trigger('submit')
  return mounted
}

describe('AddBriefingView: ticking the prayer points by hand', () => {
  it('offers the lines of a text without prayer points as checkboxes, the first line as the title', async () => {
    const { wrapper } = await pickLines()
    const picker = wrapper.get('section.picker')
    expect(picker.get('h2').text()).toBe('Selah could not find the prayer points')
    expect(document.activeElement).toBe(picker.get('h2').element)
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
    expect(picker.get('legend').text()).toBe('Tick the lines that are prayer points')
    expect((field(wrapper, 'Title').element as HTMLInputElement).value).toBe('Letter from Kisumu')
    expect(picker.findAll('fieldset label').map(label => label.text())).toEqual([
      'Dear friends, thank you for praying with us this month.', NURSES, RAIN, 'With love, Grace',
    ])
    expect(picker.findAll('input[type="checkbox"]').every(box => !(box.element as HTMLInputElement).checked)).toBe(true)
  })

  it('saves the two ticked lines as the pointers of a briefing added by hand, and opens it', async () => {
    const { wrapper, router } = await pickLines()
    await checkbox(wrapper, RAIN).setValue(true)
    await checkbox(wrapper, NURSES).setValue(true)
    expect(wrapper.get('section.picker').text()).toContain('2 lines ticked')
    await button(wrapper, 'Save briefing').trigger('submit')
    await until(() => expect(router.currentRoute.value.path).toBe('/briefings/letter-from-kisumu'))
    const stored = await db.briefings.get('letter-from-kisumu')
    expect(stored?.source).toBe('pasted')
    expect(stored?.title).toBe('Letter from Kisumu')
    expect(stored?.pointers).toEqual([
      { id: 'letter-from-kisumu-p1', label: null, text: NURSES, scripture: null },
      { id: 'letter-from-kisumu-p2', label: null, text: RAIN, scripture: null },
    ])
    expect(stored?.paragraphs).toEqual(['Dear friends, thank you for praying with us this month.', 'With love, Grace'])
  })

  it('asks for a tick when none is given, and keeps everything as it was', async () => {
    const { wrapper, router } = await pickLines()
    await field(wrapper, 'Title').setValue('Kisumu, October')
    await button(wrapper, 'Save briefing').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toBe('Tick at least one line that is a prayer point.')
    expect(router.currentRoute.value.path).toBe('/add')
    expect(await db.briefings.count()).toBe(0)
    expect((field(wrapper, 'Briefing text').element as HTMLTextAreaElement).value).toBe(letter)
    expect((field(wrapper, 'Title').element as HTMLInputElement).value).toBe('Kisumu, October')
    await checkbox(wrapper, NURSES).setValue(true)
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
  })

  it('follows an edited text, keeping the ticks of the lines still there', async () => {
    const { wrapper } = await pickLines()
    await checkbox(wrapper, NURSES).setValue(true)
    await checkbox(wrapper, RAIN).setValue(true)
    const edited = letter.replace(RAIN, 'We give thanks for the rain.').replace('With love', 'Pray for the school too.\nWith love')
    await field(wrapper, 'Briefing text').setValue(edited)
    expect(checkbox(wrapper, NURSES).element.checked).toBe(true)
    expect(checkbox(wrapper, 'We give thanks for the rain.').element.checked).toBe(false)
    expect(checkbox(wrapper, 'Pray for the school too.').element.checked).toBe(false)
    expect(wrapper.get('section.picker').text()).toContain('1 line ticked')
  })

  it('refuses a 10 MB paste in plain words, and the box keeps the words it had', async () => {
    const { wrapper } = await mountRoute('/add')
    const box = field(wrapper, 'Briefing text')
    await box.setValue('My notes so far')
    const paste = (words: string) => {
      const clipboardData = new DataTransfer()
      clipboardData.setData('text/plain', words)
      const event = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true })
      box.element.dispatchEvent(event)
      return event.defaultPrevented
    }
    expect(paste(letter)).toBe(false)
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
    expect(paste('A line of a very long paste.\n'.repeat(350_000))).toBe(true)
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toBe('This text is too long to be one briefing. Paste one briefing at a time.')
    expect((box.element as HTMLTextAreaElement).value).toBe('My notes so far')
  })

  it('keeps a text file too long to be one briefing out of the box', async () => {
    const { wrapper } = await mountRoute('/add')
    await field(wrapper, 'Briefing text').setValue('My notes so far')
    const input = field(wrapper, 'Open a text file')
    const file = new File([`Title\n${'A line.\n'.repeat(40_000)}`], 'archive.txt', { type: 'text/plain' })
    Object.defineProperty(input.element, 'files', { value: [file] })
    await input.trigger('change')
    await until(() => expect(wrapper.get('[role="alert"]').text()).toMatch(/too large to be a briefing/))
    expect((field(wrapper, 'Briefing text').element as HTMLTextAreaElement).value).toBe('My notes so far')
  })

  it('refuses on Preview a text that reached the box too long to be one briefing, keeps it, and draws no list', async () => {
    const huge = `Title\n${'A line of a very long paste.\n'.repeat(350_000)}`
    expect(huge.length).toBeGreaterThan(10_000_000)
    const { wrapper } = await pickLines(huge)
    expect(wrapper.get('[role="alert"]').text()).toBe('This text is too long to be one briefing. Paste one briefing at a time.')
    expect((field(wrapper, 'Briefing text').element as HTMLTextAreaElement).value).toHaveLength(huge.length)
    expect(wrapper.find('section.picker').exists()).toBe(false)
    expect(wrapper.find('section.preview').exists()).toBe(false)
  })

  it('says so, rather than drawing a list, when a huge text is pasted over one being ticked', async () => {
    const { wrapper } = await pickLines()
    await field(wrapper, 'Briefing text').setValue(`${letter}${'More.\n'.repeat(600)}`)
    expect(wrapper.get('section.picker [role="alert"]').text()).toMatch(/too long to be one briefing/)
    expect(wrapper.find('fieldset').exists()).toBe(false)
    expect(hasButton(wrapper, 'Save briefing')).toBe(false)
  })
})
