import { describe, expect, it } from 'vitest'
import { mountRoute, until, useComponentTestSetup } from './helpers'

useComponentTestSetup()

describe('NotFoundView', () => {
  it('says the page is not there and links home', async () => {
    const { wrapper } = await mountRoute('/no/such/page')
    await until(() => expect(wrapper.find('h1').exists()).toBe(true))
    expect(wrapper.get('h1').text()).toBe('Page not found')
    expect(wrapper.get('a[href="/briefings"]').text()).toBe('Go to briefings')
    expect(document.title).toBe('Page not found · Selah')
  })
})
