import { describe, expect, it } from 'vitest'
import { foldWord, highlightParts, queryPrefixes, searchWords } from '~/utils/search-text'

describe('search words', () => {
  it('folds case and accents, in every script', () => {
    expect(['Kyïv', 'ZÜRICH', 'Київ', 'Ελπίδα', 'peace'].map(foldWord)).toEqual(['kyiv', 'zurich', 'киів', 'ελπιδα', 'peace'])
  })

  it('keeps each word once, leaving out one-letter and common words, across several texts', () => {
    expect(searchWords('Peace for Kyïv, and peace for Odesa!', 'Pray: for the leaders', null, 'Matthew 5:9'))
      .toEqual(['peace', 'kyiv', 'odesa', 'pray', 'leaders', 'matthew'])
  })
})

describe('query prefixes', () => {
  it('asks for every word, dropping common ones unless the last is still being typed', () => {
    expect(queryPrefixes('peace in Kyiv')).toEqual(['peace', 'kyiv'])
    expect(queryPrefixes('the')).toEqual(['the'])
    expect(queryPrefixes('peace the')).toEqual(['peace', 'the'])
    expect(queryPrefixes('peace the ')).toEqual(['peace'])
  })

  it('drops a prefix another word already covers, and punctuation on its own', () => {
    expect(queryPrefixes('pe peace')).toEqual(['peace'])
    expect(queryPrefixes('  …  ')).toEqual([])
  })
})

describe('highlight parts', () => {
  it('marks whole words that start with a prefix, keeping the text exactly', () => {
    const parts = highlightParts('<b>Kyïv</b> and kyivans; not Skyiv.', ['kyiv'])
    expect(parts.filter(part => part.match).map(part => part.text)).toEqual(['Kyïv', 'kyivans'])
    expect(parts.map(part => part.text).join('')).toBe('<b>Kyïv</b> and kyivans; not Skyiv.')
  })

  it('is the text alone without prefixes', () => {
    expect(highlightParts('words', [])).toEqual([{ text: 'words', match: false }])
  })
})
