import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import PrayerTimeSection from '~/components/settings/PrayerTimeSection.vue'
import { getSetting, setSetting } from '~/db/settings'
import { fillTheDisk, freeTheDisk } from '../../unit/db/fixtures/disk-full'
import { button, field, until, useComponentTestSetup } from '../helpers'
import { useDownloads } from './support'

useComponentTestSetup()
const downloads = useDownloads()
afterEach(() => { vi.unstubAllGlobals() })

const NOTIFY = 'Also remind me with a notification while Selah is open'

async function mountSection(timeZone = 'Europe/London') {
  const wrapper = mount(PrayerTimeSection, { props: { timeZone }, attachTo: document.body })
  await until(() => expect(field(wrapper, 'Prayer time').attributes('disabled')).toBeUndefined())
  return wrapper
}

function timeField(wrapper: Awaited<ReturnType<typeof mountSection>>) {
  return field(wrapper, 'Prayer time').element as HTMLInputElement
}

/** A browser's Notification with `permission` now, answering `answer` when asked. */
function notifications(permission: NotificationPermission, answer: NotificationPermission = permission) {
  const requestPermission = vi.fn(async () => answer)
  vi.stubGlobal('Notification', Object.assign(function Notification() {}, { permission, requestPermission }))
  return requestPermission
}

describe('PrayerTimeSection', () => {
  it('keeps the chosen time, shown again after a remount', async () => {
    const wrapper = await mountSection()
    expect(wrapper.get('h2').text()).toBe('Daily prayer time')
    expect(timeField(wrapper).type).toBe('time')
    await field(wrapper, 'Prayer time').setValue('07:15')
    await until(async () => expect(await getSetting('prayerTime')).toEqual({ time: '07:15', notify: false }))
    wrapper.unmount()

    const again = await mountSection()
    await until(() => expect(timeField(again).value).toBe('07:15'))
  })

  it('downloads a daily calendar event with an alarm, made on the device', async () => {
    const wrapper = await mountSection()
    await field(wrapper, 'Prayer time').setValue('06:45')
    await button(wrapper, 'Add to calendar').trigger('click')
    await until(() => expect(downloads).toHaveLength(1))
    const [file] = downloads
    expect(file!.fileName).toBe('selah-prayer-time.ics')
    expect(file!.type).toBe('text/calendar;charset=utf-8')
    expect(file!.file).toBeInstanceOf(Blob)
    expect(file!.text).toContain('\r\nRRULE:FREQ=DAILY\r\n')
    expect(file!.text).toContain('\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:PT0M\r\n')
    expect(file!.text).toMatch(/\r\nDTSTART:\d{8}T064500\r\n/)
    expect(wrapper.get('[role="status"]').text()).toBe('Saved selah-prayer-time.ics. Open it to add the daily prayer time to your calendar.')
  })

  it('asks for a time first, downloading nothing', async () => {
    const wrapper = await mountSection()
    await button(wrapper, 'Add to calendar').trigger('click')
    expect(wrapper.get('[role="alert"]').text()).toBe('Choose a time first, then add it to your calendar.')
    expect(downloads).toHaveLength(0)
    await field(wrapper, 'Prayer time').setValue('07:00')
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
  })

  it('says when the clocks skip the time, and still saves and downloads it', async () => {
    const wrapper = await mountSection('America/New_York')
    await field(wrapper, 'Prayer time').setValue('07:15')
    expect(wrapper.text()).not.toContain('clocks go forward')

    await field(wrapper, 'Prayer time').setValue('02:30')
    const note = wrapper.get(`[id="${field(wrapper, 'Prayer time').attributes('aria-describedby')}"]`)
    expect(note.text()).toMatch(/^On .*March.* the clocks go forward and 02:30 does not happen; your calendar will remind you an hour later that day, at 03:30\.$/)
    await until(async () => expect((await getSetting('prayerTime')).time).toBe('02:30'))
    await button(wrapper, 'Add to calendar').trigger('click')
    await until(() => expect(downloads).toHaveLength(1))
    expect(downloads[0]!.text).toMatch(/\r\nDTSTART:\d{8}T023000\r\n/)
  })

  it('checks the zone it is given: London skips 01:30, not 02:30', async () => {
    const wrapper = await mountSection('Europe/London')
    await field(wrapper, 'Prayer time').setValue('02:30')
    expect(wrapper.text()).not.toContain('clocks go forward')
    await field(wrapper, 'Prayer time').setValue('01:30')
    expect(wrapper.text()).toMatch(/the clocks go forward and 01:30 does not happen; your calendar will remind you an hour later that day, at 02:30\./)
  })

  it('says what works with Selah closed, and that nothing leaves the device', async () => {
    const wrapper = await mountSection()
    expect(wrapper.text()).toContain('rings even when Selah is closed')
    expect(wrapper.text()).toContain('can only come while Selah is open')
    expect(wrapper.text()).toContain('needs a push server')
    expect(wrapper.text()).toContain('nothing about your prayer time leaves this device')
  })

  it('says so when storage fails, keeping the time in the field', async () => {
    const wrapper = await mountSection()
    await fillTheDisk()
    try {
      await field(wrapper, 'Prayer time').setValue('07:15')
      await until(() => expect(wrapper.get('[role="alert"]').text()).toMatch(/out of storage space/))
      expect(timeField(wrapper).value).toBe('07:15')
    }
    finally {
      await freeTheDisk()
    }
  })
})

describe('the notification box', () => {
  it('asks for permission only when ticked, and saves the choice once allowed', async () => {
    const ask = notifications('default', 'granted')
    const wrapper = await mountSection()
    expect(ask).not.toHaveBeenCalled()
    await field(wrapper, NOTIFY).setValue(true)
    await until(async () => expect((await getSetting('prayerTime')).notify).toBe(true))
    expect(ask).toHaveBeenCalledTimes(1)
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)

    await field(wrapper, NOTIFY).setValue(false)
    await until(async () => expect((await getSetting('prayerTime')).notify).toBe(false))
    expect(ask).toHaveBeenCalledTimes(1)
  })

  it('says plainly when permission is refused, and stays unticked', async () => {
    notifications('default', 'denied')
    const wrapper = await mountSection()
    await field(wrapper, NOTIFY).setValue(true)
    await until(() => expect(wrapper.get('[role="alert"]').text()).toMatch(/^Notifications are blocked for Selah in this browser/))
    expect((field(wrapper, NOTIFY).element as HTMLInputElement).checked).toBe(false)
    expect((await getSetting('prayerTime')).notify).toBe(false)
  })

  it('says when permission was only dismissed', async () => {
    notifications('default', 'default')
    const wrapper = await mountSection()
    await field(wrapper, NOTIFY).setValue(true)
    await until(() => expect(wrapper.get('[role="alert"]').text()).toMatch(/^Selah was not allowed to show notifications/))
    expect((field(wrapper, NOTIFY).element as HTMLInputElement).checked).toBe(false)
  })

  it('says so where the browser has no notifications at all', async () => {
    vi.stubGlobal('Notification', undefined)
    const wrapper = await mountSection()
    await field(wrapper, NOTIFY).setValue(true)
    await until(() => expect(wrapper.get('[role="alert"]').text()).toMatch(/^This browser cannot show notifications from Selah\. On iPhone and iPad/))
    expect((field(wrapper, NOTIFY).element as HTMLInputElement).checked).toBe(false)
  })

  it('warns when a kept choice can no longer be honoured', async () => {
    notifications('denied')
    await setSetting('prayerTime', { time: '07:15', notify: true })
    const wrapper = await mountSection()
    await until(() => expect(wrapper.text()).toContain('Notifications are not allowed for Selah in this browser any more'))
  })
})
