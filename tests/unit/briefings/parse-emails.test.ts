import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ClosingPrayer, Scripture } from '~/briefings/types'
import { briefingOf } from './parse-helpers'

/**
 * Five briefings shaped the way ministries send them by email, pasted as they arrive (no file
 * name), each mixing the forms the parser accepts: forwarded headers, other headings, numbered
 * points, references without quotes, dashes before references and other closing prayers.
 */
const emailOf = (name: string) => readFileSync(path.resolve('tests/fixtures/emails', name), 'utf8')

interface Expected {
  id: string
  title: string
  date: string | null
  paragraphs: number
  /** How the first paragraph starts: nothing of the email's header or note comes before it. */
  opening: string
  pointers: [label: string | null, text: string, scripture: Scripture | null][]
  prayer: ClosingPrayer | null
}

const quoteOf = (quote: string, reference: string): Scripture => ({ quote, reference })
const referenceOnly = (reference: string): Scripture => ({ quote: '', reference })

const EMAILS: Record<string, Expected> = {
  // A Gmail forward with the forwarder's note above it; "How to pray", 1. points, "Let us pray".
  'forwarded-gmail-sudan.txt': {
    id: '2025-10-02-sudan-hunger-tightens-its-grip-on-el-fasher',
    title: 'Sudan: Hunger Tightens Its Grip on El Fasher',
    date: '2025-10-02',
    paragraphs: 3,
    opening: 'Aid agencies warned this week that families trapped in El Fasher,',
    pointers: [
      ['Pray', 'for safe corridors so that food, medicine and fuel can reach El Fasher, and for the protection of the aid workers who risk their lives to deliver them.', quoteOf('For I was hungry and you gave me something to eat.', 'Matthew 25:35')],
      ['Pray', 'for children suffering from malnutrition, and for the doctors and nurses caring for them with almost nothing.', referenceOnly('Psalm 46:1')],
      ['Give thanks', 'for believers who keep their doors open to the hungry, and ask that their generosity would point many to Christ.', quoteOf('If you spend yourselves in behalf of the hungry and satisfy the needs of the oppressed, then your light will rise in the darkness.', 'Isaiah 58:10')],
    ],
    prayer: {
      title: 'Let us pray',
      text: 'Father, You see every family in El Fasher tonight. Open the roads, fill the empty kitchens and strengthen the weary hands of those who serve.\n\nLet Your church shine in the darkness. In Jesus\' name, Amen.',
    },
  },
  // An Outlook forward (a rule, Sent: and Cc:, no marker); "Prayer Requests:", 1) points, "Closing Prayer".
  'outlook-nigeria.txt': {
    id: '2025-10-14-nigeria-villages-mourn-after-plateau-attacks',
    title: 'Nigeria: Villages Mourn After Plateau Attacks',
    date: '2025-10-14',
    paragraphs: 3,
    opening: 'At least 40 people were killed when gunmen attacked three farming villages',
    pointers: [
      ['Pray', 'for the families who lost loved ones, that they would know the comfort of God in their grief.', quoteOf('Mourn with those who mourn.', 'Romans 12:15')],
      ['Pray', 'for the wounded in hospital in Jos, and for the medical staff caring for them', referenceOnly('Psalm 46:1')],
      ['Pray', 'for church leaders calling for peace, that their words would be heard by young men tempted to retaliate.', quoteOf('Blessed are the peacemakers, for they will be called children of God.', 'Matthew 5:9')],
      ['Give thanks', 'for the people of Bokkos who have opened their homes to those who fled.', null],
    ],
    prayer: {
      title: 'Closing Prayer',
      text: 'Lord Jesus, comfort those who mourn in Plateau State and bind up the broken-hearted. Turn hearts from revenge to peace, and let justice roll on like a river. Amen.',
    },
  },
  // Apple Mail's "Begin forwarded message:", every line quoted with >; "Pray for:", • points, "A prayer for…".
  'quoted-apple-gaza.txt': {
    id: '2025-10-21-gaza-winter-rains-flood-displacement-camps',
    title: 'Gaza: Winter Rains Flood Displacement Camps',
    date: '2025-10-21',
    paragraphs: 3,
    opening: 'Heavy rain swept across the Gaza Strip overnight,',
    pointers: [
      [null, 'The families whose shelters were flooded, that they would find dry places to sleep and enough warmth for their children.', quoteOf('So do not fear, for I am with you; do not be dismayed, for I am your God.', 'Isaiah 41:10')],
      [null, 'Aid workers waiting at the crossings, for patience, safety and open doors.', null],
      [null, 'Leaders on every side, that they would choose the path of peace', referenceOnly('Micah 6:8')],
    ],
    prayer: {
      title: 'A prayer for Gaza',
      text: 'God of all comfort, be near to every family shivering in the rain tonight. Provide shelter, warmth and bread, and bring a just and lasting peace. Amen.',
    },
  },
  // Pasted straight from the email, no header and so no date; "Points for prayer", "Let us pray: …" on one line.
  'pasted-myanmar.txt': {
    id: 'myanmar-rebuilding-after-the-earthquake-amid-war',
    title: 'Myanmar: Rebuilding After the Earthquake, Amid War',
    date: null,
    paragraphs: 3,
    opening: 'Months after the earthquake that struck central Myanmar,',
    pointers: [
      [null, 'Pray for families still without a permanent home, that they would be sheltered from the rains and not forgotten.', quoteOf('The LORD is close to the brokenhearted and saves those who are crushed in spirit.', 'Psalm 34:18')],
      [null, 'Pray for an end to airstrikes on communities that are trying to rebuild', referenceOnly('Psalm 46:9')],
      [null, 'Pray for the volunteer teams, that they would have strength, materials and safe passage through the checkpoints.', null],
      [null, 'Give thanks for the children who have been able to return to class in repaired schools.', referenceOnly('Lamentations 3:22-23')],
    ],
    prayer: {
      title: 'Let us pray',
      text: 'Lord, You are near to the brokenhearted. Shelter the homeless in Myanmar, silence the guns and give Your people strength to rebuild. Amen.',
    },
  },
  // A forward of a forward: the date is the ministry's (the inner header's); "*PRAYER REQUESTS*", - points.
  'double-forward-ukraine.txt': {
    id: '2025-11-08-ukraine-a-cold-winter-ahead',
    title: 'Ukraine: A Cold Winter Ahead',
    date: '2025-11-08',
    paragraphs: 3,
    opening: 'Repeated strikes on power stations and gas facilities',
    pointers: [
      ['Pray', 'for the engineers and repair crews, that God would protect them as they work.', quoteOf('The LORD will keep you from all harm, he will watch over your life.', 'Psalm 121:7')],
      ['Pray', 'for the elderly and the sick who cannot leave their homes, that neighbours and churches would find them in time', referenceOnly('2 Corinthians 1:3-4')],
      ['Give thanks', 'for every warming point, and for the volunteers who keep them open.', quoteOf('In this world you will have trouble. But take heart! I have overcome the world.', 'John 16:33')],
    ],
    prayer: {
      title: 'A Prayer for Ukraine\'s Winter',
      text: 'Lord of light, keep the people of Ukraine warm this winter. Guard those who repair what war has broken, and draw the lonely into Your family.\n\nAmen.',
    },
  },
}

describe('briefings as ministries send them by email', () => {
  for (const [name, expected] of Object.entries(EMAILS)) {
    it(name, () => {
      const briefing = briefingOf(emailOf(name))
      expect({ id: briefing.id, title: briefing.title, date: briefing.date }).toEqual({ id: expected.id, title: expected.title, date: expected.date })
      expect(briefing.paragraphs).toHaveLength(expected.paragraphs)
      expect(briefing.paragraphs[0]?.startsWith(expected.opening)).toBe(true)
      expect(briefing.pointers).toEqual(expected.pointers.map(([label, text, scripture], i) => ({ id: `${expected.id}-p${i + 1}`, label, text, scripture })))
      expect(briefing.prayer).toEqual(expected.prayer)
    })
  }

  it('reads the same with Windows line endings', () => {
    for (const name of Object.keys(EMAILS)) {
      expect(briefingOf(emailOf(name).replace(/\n/g, '\r\n'))).toEqual(briefingOf(emailOf(name)))
    }
  })
})
