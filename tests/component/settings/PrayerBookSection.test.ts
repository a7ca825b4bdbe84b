import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import PrayerBookSection from '~/components/settings/PrayerBookSection.vue'
import { addRequest } from '~/db/requests'
import { button, field, until, useComponentTestSetup } from '../helpers'
import { seedWriting, useDownloads } from './support'

useComponentTestSetup()
const downloads = useDownloads()

describe('PrayerBookSection', () => {
  it('downloads the journal as a Markdown prayer book', async () => {
    await seedWriting({ entry: 'Peace for Kyiv tonight.', answer: 'A ceasefire held.' })
    const wrapper = mount(PrayerBookSection, { attachTo: document.body })
    expect(wrapper.get('h2').text()).toBe('Prayer book')
    await button(wrapper, 'Download prayer book').trigger('submit')
    await until(() => expect(downloads).toHaveLength(1))
    const [book] = downloads
    expect(book!.fileName).toBe('selah-prayer-book.md')
    expect(book!.type).toMatch(/^text\/markdown/)
    expect(book!.text).toContain('Peace for Kyiv tonight.')
    expect(book!.text).toContain('A ceasefire held.')
    expect(wrapper.get('[role="status"]').text()).toBe('Saved selah-prayer-book.md with 2 journal entries and answered prayers.')
  })

  it('ends the book with the person\'s own requests, and says how many', async () => {
    await seedWriting({ entry: 'Peace for Kyiv tonight.', answer: 'A ceasefire held.' })
    await addRequest({ text: 'Healing for Aunt Miriam', notes: 'Surgery on Tuesday.', scripture: { quote: '', reference: 'Psalm 46:1' } }, null, 'Family')
    const wrapper = mount(PrayerBookSection, { attachTo: document.body })
    await button(wrapper, 'Download prayer book').trigger('submit')
    await until(() => expect(downloads).toHaveLength(1))
    expect(downloads[0]!.text).toMatch(/## My prayers\n[^]*### Family\n\n\*\*Healing for Aunt Miriam\*\*\n\n\*Psalm 46:1\*\n\nSurgery on Tuesday\./)
    expect(wrapper.get('[role="status"]').text()).toBe('Saved selah-prayer-book.md with 2 journal entries and answered prayers, and 1 prayer request.')
  })

  it('limits the book to the dates chosen', async () => {
    await seedWriting({ entry: 'Written today.', answer: '' })
    const wrapper = mount(PrayerBookSection, { attachTo: document.body })
    await field(wrapper, 'From').setValue('2020-01-01')
    await field(wrapper, 'To').setValue('2020-12-31')
    await button(wrapper, 'Download prayer book').trigger('submit')
    await until(() => expect(downloads).toHaveLength(1))
    expect(downloads[0]!.fileName).toMatch(/^selah-prayer-book-2020-01-01-2020-12-31\.md$/)
    expect(downloads[0]!.text).not.toContain('Written today.')
    expect(wrapper.get('[role="status"]').text()).toMatch(/^Saved selah-prayer-book-2020-01-01-2020-12-31\.md\. Nothing was written in these dates/)
  })

  it('refuses a From date after the To date, downloading nothing', async () => {
    const wrapper = mount(PrayerBookSection, { attachTo: document.body })
    await field(wrapper, 'From').setValue('2026-05-01')
    await field(wrapper, 'To').setValue('2026-04-01')
    await button(wrapper, 'Download prayer book').trigger('submit')
    await until(() => expect(wrapper.find('[role="alert"]').exists()).toBe(true))
    expect(wrapper.get('[role="alert"]').text()).toMatch(/“From” date is after the “To” date/)
    expect(downloads).toHaveLength(0)
  })
})
