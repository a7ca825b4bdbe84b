import type { Scripture } from '../briefings/types.ts'
import type { FeedItem } from './format.ts'

/**
 * RSS 2.0 for any feed reader, from the same items as feed.json. Descriptions are plain text
 * (escaped, never markup): the article, then the pointers, then the closing prayer.
 */
export interface RssChannel {
  title: string
  description: string
  /** The site's address. */
  link: string
  /** Where this document is published (atom:link rel="self"). */
  selfUrl: string
  /** ISO 8601; written as lastBuildDate when it is a real time. */
  generatedAt: string
}

/** Characters XML 1.0 cannot carry at all, even escaped (control characters, lone surrogates). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char)
}

/** RFC 822 date, as RSS asks ("Fri, 05 Sep 2025 00:00:00 GMT"); null for anything that is not a time. */
function rfc822(iso: string): string | null {
  const time = Date.parse(iso)
  return Number.isNaN(time) ? null : new Date(time).toUTCString()
}

/** The same words the editor would write: a reference alone (its quote is empty) in brackets. */
function scriptureText(scripture: Scripture | null): string {
  if (!scripture) return ''
  return scripture.quote ? ` “${scripture.quote}” ${scripture.reference}` : ` (${scripture.reference})`
}

/** The whole briefing as plain text: article, pointers (with their scripture), closing prayer. */
export function plainText(item: FeedItem): string {
  const { pointers, prayer } = item._selah
  const lines = pointers.map(({ label, text, scripture }) => `- ${label ? `${label}: ` : ''}${text}${scriptureText(scripture)}`)
  return [
    item.content_text,
    `Prayer Pointers\n${lines.join('\n')}`,
    prayer ? `${prayer.title}\n${prayer.text}` : '',
  ].filter(Boolean).join('\n\n')
}

const element = (name: string, text: string) => `<${name}>${escapeXml(text)}</${name}>`

function renderItem(item: FeedItem): string {
  const pubDate = item.date_published ? rfc822(item.date_published) : null
  return [
    '<item>',
    element('title', item.title),
    ...(item.url ? [element('link', item.url)] : []),
    `<guid isPermaLink="false">${escapeXml(item.id)}</guid>`,
    ...(pubDate ? [element('pubDate', pubDate)] : []),
    element('description', plainText(item)),
    '</item>',
  ].join('\n')
}

export function renderRss(channel: RssChannel, items: readonly FeedItem[]): string {
  const built = rfc822(channel.generatedAt)
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    element('title', channel.title),
    element('link', channel.link),
    element('description', channel.description),
    '<language>en</language>',
    ...(built ? [element('lastBuildDate', built)] : []),
    `<atom:link href="${escapeXml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    ...items.map(renderItem),
    '</channel>',
    '</rss>',
    '',
  ].join('\n')
}
